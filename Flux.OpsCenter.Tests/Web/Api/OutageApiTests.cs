using System.Net;
using System.Net.Http.Json;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Api;
using Flux.OpsCenter.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Web.Api;

/// <summary>The outage lifecycle over HTTP: authorised by role, problem details for every refusal, live in the status feed.</summary>
public sealed class OutageApiTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_viewer_gets_403_and_nothing_is_written()
    {
        await using var factory = new OpsCenterAppFactory();
        factory.Settings["OpsCenter:Identity:LocalUser"] = "wall viewer";
        factory.Settings["OpsCenter:Identity:LocalRole"] = "Viewer";
        using var client = factory.CreateClient();
        var outageId = await FuseFaultAsync(factory);

        using var response = await client.PostAsync(Step(outageId, "confirm"), null, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, ViewQueries.Long(factory.DatabasePath, $"SELECT COUNT(*) FROM APPLICATIONS.OUTAGE_EVENTS WHERE OUTAGE_ID = '{outageId}'"));
    }

    [Fact]
    public async Task The_operator_walks_an_outage_through_its_lifecycle_and_the_feed_shows_each_stage()
    {
        await using var factory = new OpsCenterAppFactory();
        using var client = factory.CreateClient();
        var outageId = await FuseFaultAsync(factory);
        var crew = (string)ViewQueries.Scalar(factory.DatabasePath, "SELECT MIN(CREW_ID) FROM PRODUCTION.CREWS WHERE STATUS = 'AVAILABLE' AND ASSIGNED_OUTAGE_ID IS NULL")!;
        Assert.Equal("PREDICTED", await FeedStageAsync(factory, outageId));

        Assert.Equal(new OutageStepResponse(outageId, "CONFIRMED", true), await PostAsync(client, Step(outageId, "confirm"), null));
        Assert.Equal(new OutageStepResponse(outageId, "CONFIRMED", false), await PostAsync(client, Step(outageId, "confirm"), null));
        Assert.Equal("CONFIRMED", await FeedStageAsync(factory, outageId));
        Assert.Equal("DISPATCHED", (await PostAsync(client, Step(outageId, "dispatch"), new OutageStepRequest(crew, null, null, "nearest crew"))).Stage);
        Assert.Equal("DISPATCHED", await FeedStageAsync(factory, outageId));
        var etr = new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.Zero);
        Assert.True((await PostAsync(client, Step(outageId, "etr"), new OutageStepRequest(null, etr, "crew", null))).Changed);
        await factory.Services.GetRequiredService<GridStatusMonitor>().PollOnceAsync(Token);
        Assert.Equal(etr, factory.Services.GetRequiredService<GridStatusFeed>().Current!.ActiveOutages.Single(o => o.OutageId == outageId).EstimatedRestoration);

        var workflow = await client.GetFromJsonAsync<OutageWorkflowResponse>($"/api/outages/{outageId}/workflow", Token);
        Assert.Equal("DISPATCHED", workflow!.Stage);
        Assert.Contains("restore", workflow.AllowedSteps);
        Assert.DoesNotContain("verify", workflow.AllowedSteps);
        Assert.Equal(["CONFIRM", "DISPATCH", "SET_ETR"], workflow.Events.Select(e => e.Action));
        Assert.Equal(workflow.Outage.CustomersAffected, workflow.Sections.Sum(s => s.Customers));

        Assert.Equal("RESTORED", (await PostAsync(client, Step(outageId, "restore"), null)).Stage);
        Assert.Equal("VERIFIED", (await PostAsync(client, Step(outageId, "verify"), null)).Stage);
        Assert.Equal(5, ViewQueries.Long(factory.DatabasePath,
            $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE SUBJECT_ID = '{outageId}' AND USER_NAME = 'local operator'"));
    }

    [Fact]
    public async Task Refusals_are_problem_details_409_400_and_404_with_a_clear_message()
    {
        await using var factory = new OpsCenterAppFactory();
        using var client = factory.CreateClient();
        var outageId = await FuseFaultAsync(factory);

        using var verify = await client.PostAsync(Step(outageId, "verify"), null, Token);
        using var restore = await client.PostAsync(Step(outageId, "restore"), null, Token);
        using var noCrew = await client.PostAsJsonAsync(Step(outageId, "dispatch"), new OutageStepRequest(null, null, null, null), Token);
        using var badSource = await client.PostAsJsonAsync(Step(outageId, "etr"), new OutageStepRequest(null, DateTimeOffset.UtcNow, "guess", null), Token);
        using var malformed = await client.PostAsync(Step(outageId, "etr"), new StringContent("{\"etr\": \"soon\"}", System.Text.Encoding.UTF8, "application/json"), Token);
        using var unknown = await client.PostAsync(Step("OUT-NOPE", "confirm"), null, Token);
        using var unknownRead = await client.GetAsync(new Uri("/api/outages/OUT-NOPE/workflow", UriKind.Relative), Token);

        await AssertProblemAsync(verify, HttpStatusCode.Conflict, "not restored");
        await AssertProblemAsync(restore, HttpStatusCode.Conflict, "never dispatched");
        await AssertProblemAsync(noCrew, HttpStatusCode.Conflict, "confirm it first");
        await AssertProblemAsync(badSource, HttpStatusCode.BadRequest, "Unknown ETR source");
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "JSON object");
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "No sustained outage");
        await AssertProblemAsync(unknownRead, HttpStatusCode.NotFound, "No sustained outage");
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    private static async Task<OutageStepResponse> PostAsync(HttpClient client, Uri uri, OutageStepRequest? body)
    {
        using var response = body is null ? await client.PostAsync(uri, null, Token) : await client.PostAsJsonAsync(uri, body, Token);
        Assert.True(response.IsSuccessStatusCode, $"{uri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
        return (await response.Content.ReadFromJsonAsync<OutageStepResponse>(Token))!;
    }

    private static async Task<string?> FeedStageAsync(OpsCenterAppFactory factory, string outageId)
    {
        await factory.Services.GetRequiredService<GridStatusMonitor>().PollOnceAsync(Token);
        return factory.Services.GetRequiredService<GridStatusFeed>().Current!.ActiveOutages.Single(o => o.OutageId == outageId).Stage switch
        {
            { } stage => Flux.OpsCenter.Data.Grid.OutageLifecycle.Code(stage),
            null => null,
        };
    }

    private static Uri Step(string outageId, string step) => new($"/api/outages/{Uri.EscapeDataString(outageId)}/{step}", UriKind.Relative);

    // A fuse fault on a quiet feeder: a fuse is not telemetered, so the outage starts predicted.
    private static async Task<string> FuseFaultAsync(OpsCenterAppFactory factory)
    {
        var simulator = factory.Services.GetRequiredService<LiveEventSimulator>();
        await simulator.InitializeAsync(Token);
        var fuse = (string)ViewQueries.Scalar(factory.DatabasePath, """
            SELECT MIN(t.FUSE_ID) FROM PRODUCTION.TRANSFORMER_METADATA t
            JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID AND c.ACCOUNT_STATUS = 'ACTIVE'
            WHERE t.CIRCUIT_ID NOT IN (SELECT CIRCUIT_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL)
            """)!;
        var fault = await simulator.InjectFaultAsync(fuse, Token);
        return fault!.OutageId;
    }
}
