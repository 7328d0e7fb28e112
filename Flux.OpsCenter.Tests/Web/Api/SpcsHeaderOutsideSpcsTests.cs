using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

/// <summary>Outside SPCS mode nothing strips a forged user header, so the app must ignore it.</summary>
public sealed class SpcsHeaderOutsideSpcsTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    [Fact]
    public async Task Embedded_mode_ignores_the_sf_context_current_user_header()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Sf-Context-Current-User", "MALLORY");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("data-testid=\"kpi-row\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MALLORY", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"current-operator\"[^>]*>[\\s\\S]*local operator", html);
    }
}
