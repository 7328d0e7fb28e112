using System.Net;
using System.Net.WebSockets;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Hubs;

/// <summary>A foreign page must not open the status hub with the user's session (security review M5).</summary>
public sealed class HubOriginTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Uri HubSocket => new UriBuilder(new Uri(factory.Server.BaseAddress, "/hubs/grid-status")) { Scheme = "ws" }.Uri;

    [Fact]
    public async Task A_cross_origin_websocket_to_the_hub_is_refused()
    {
        var client = factory.Server.CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Origin = "http://evil.example";

        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => client.ConnectAsync(HubSocket, Token));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cross_origin_negotiate_is_refused_with_problem_details()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/hubs/grid-status/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_apps_own_origin_and_clients_without_one_connect()
    {
        var sameOrigin = factory.Server.CreateWebSocketClient();
        sameOrigin.ConfigureRequest = request => request.Headers.Origin = factory.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        var service = factory.Server.CreateWebSocketClient();

        using var browser = await sameOrigin.ConnectAsync(HubSocket, Token);
        using var script = await service.ConnectAsync(HubSocket, Token);

        Assert.Equal(WebSocketState.Open, browser.State);
        Assert.Equal(WebSocketState.Open, script.State);
    }
}
