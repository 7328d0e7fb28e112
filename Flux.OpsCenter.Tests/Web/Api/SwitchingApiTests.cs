using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class SwitchingApiTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    [Fact]
    public async Task A_study_reports_each_step_and_refuses_a_loop_without_changing_any_device()
    {
        var tie = Text("""
            SELECT MIN(d.DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES d
            WHERE d.DEVICE_TYPE = 'TIE' AND d.CURRENT_STATE = 'OPEN'
              AND NOT EXISTS (SELECT 1 FROM PRODUCTION.SWITCHING_DEVICES o
                              WHERE o.CIRCUIT_ID IN (d.CIRCUIT_ID, d.TIE_CIRCUIT_ID) AND o.DEVICE_TYPE <> 'TIE' AND o.CURRENT_STATE = 'OPEN')
            """);
        var sectionalizer = Text($"SELECT TIE_PARENT_DEVICE_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{tie}'");
        var openBefore = Long("SELECT COUNT(*) FROM PRODUCTION.SWITCHING_DEVICES WHERE CURRENT_STATE = 'OPEN'");
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var transfer = await PostAsync(client, new { steps = new[] { new { device = sectionalizer, action = "open" }, new { device = tie, action = "close" } } }, HttpStatusCode.OK);
        var loop = await PostAsync(client, new { steps = new[] { new { device = tie, action = "close" } } }, HttpStatusCode.OK);

        Assert.True(transfer.GetProperty("canRun").GetBoolean());
        Assert.Equal(transfer.GetProperty("steps")[0].GetProperty("customersDeEnergized").GetInt32(), transfer.GetProperty("steps")[1].GetProperty("customersRestored").GetInt32());
        Assert.False(loop.GetProperty("canRun").GetBoolean());
        Assert.Equal("refused", loop.GetProperty("steps")[0].GetProperty("outcome").GetString());
        Assert.Equal(openBefore, Long("SELECT COUNT(*) FROM PRODUCTION.SWITCHING_DEVICES WHERE CURRENT_STATE = 'OPEN'"));
        _ = token;
    }

    [Theory]
    [InlineData("""{"steps":[]}""", "steps")]
    [InlineData("""{"steps":[{"device":"TIE-001-01","action":"toggle"}]}""", "steps[0].action")]
    [InlineData("""{"steps":[{"action":"open"}]}""", "steps[0].device")]
    public async Task A_malformed_plan_is_a_400_problem_naming_the_field(string json, string field)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/switching/study", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, object body, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/switching/study", UriKind.Relative), body, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private string Text(string sql) => (string)ViewQueries.Scalar(factory.DatabasePath, sql)!;

    private long Long(string sql) => ViewQueries.Long(factory.DatabasePath, sql);
}
