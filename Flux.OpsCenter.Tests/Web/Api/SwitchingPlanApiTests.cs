using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Web.Api;

/// <summary>Switching plans saved, listed and run through the API in embedded mode, each step audited with its state change.</summary>
public sealed class SwitchingPlanApiTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tie_transfer_plan_runs_step_by_step_moves_the_devices_audits_each_step_and_survives_a_restart()
    {
        string path;
        string planId;
        var (sectionalizer, tie) = TransferPair(TestTerritory.CreateCopy(), out path);
        await using (var factory = new OpsCenterAppFactory(path))
        {
            using var client = factory.CreateClient();
            var downstreamBefore = await DownstreamCustomersAsync(client, tie);

            var created = await SaveAsync(client, "Transfer for maintenance", (sectionalizer, "open"), (tie, "close"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            planId = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("planId").GetString()!;
            Assert.Equal("CLOSED", State(path, sectionalizer));

            using var outOfOrder = await client.PostAsync(StepUri(planId, 2), null, Token);
            await AssertProblemAsync(outOfOrder, HttpStatusCode.Conflict, "out of order");
            using var first = await client.PostAsync(StepUri(planId, 1), null, Token);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("OPEN", State(path, sectionalizer));
            Assert.Equal("OPEN", State(path, tie));
            using var rest = await client.PostAsync(new Uri($"/api/switching/plans/{planId}/execute", UriKind.Relative), null, Token);
            Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
            var run = await rest.Content.ReadFromJsonAsync<JsonElement>(Token);

            Assert.True(run.GetProperty("succeeded").GetBoolean());
            Assert.Equal("COMPLETED", run.GetProperty("plan").GetProperty("summary").GetProperty("status").GetString());
            Assert.Equal("CLOSED", State(path, tie));
            Assert.Equal("CLOSE", Text(path, $"SELECT LAST_OPERATION FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{tie}'"));
            // The model the trace and the map read follows the write: the tie now feeds the picked-up section.
            Assert.True(await DownstreamCustomersAsync(client, tie) > downstreamBefore);
            Assert.Equal(2, ViewQueries.Long(path,
                $"SELECT COUNT(*) FROM APPLICATIONS.SWITCHING_PLAN_STEPS WHERE PLAN_ID = '{planId}' AND STATUS = 'DONE' AND EXECUTED_BY = 'local operator' AND EXECUTED_AT IS NOT NULL"));
            Assert.Equal(2, ViewQueries.Long(path,
                $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE ACTION = 'SWITCHING_STEP' AND SUBJECT_ID LIKE '{planId}/%' AND USER_NAME = 'local operator' AND DETAIL LIKE 'DONE%'"));
            Assert.Equal(1, ViewQueries.Long(path, $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE ACTION = 'SWITCHING_PLAN_COMPLETED' AND SUBJECT_ID = '{planId}'"));
        }

        await using var restarted = new OpsCenterAppFactory(path);
        using var again = restarted.CreateClient();
        var plans = await again.GetFromJsonAsync<JsonElement>(new Uri("/api/switching/plans", UriKind.Relative), Token);
        var saved = plans.EnumerateArray().Single(p => p.GetProperty("planId").GetString() == planId);
        Assert.Equal("COMPLETED", saved.GetProperty("status").GetString());
        Assert.Equal(2, saved.GetProperty("stepsDone").GetInt32());
    }

    [Fact]
    public async Task Unknown_devices_devices_already_in_that_state_and_loops_are_refused_with_problem_details_and_nothing_is_saved()
    {
        var (sectionalizer, tie) = TransferPair(TestTerritory.CreateCopy(), out var path);
        await using var factory = new OpsCenterAppFactory(path);
        using var client = factory.CreateClient();

        using var unknown = await SaveAsync(client, "Unknown", ("NOPE-999", "open"));
        using var already = await SaveAsync(client, "Already", (tie, "open"));
        using var loop = await SaveAsync(client, "Loop", (tie, "close"));
        using var noName = await SaveAsync(client, " ", (sectionalizer, "open"));

        await AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "NOPE-999");
        await AssertProblemAsync(already, HttpStatusCode.BadRequest, "already open");
        await AssertProblemAsync(loop, HttpStatusCode.BadRequest, "radially");
        await AssertProblemAsync(noName, HttpStatusCode.BadRequest, "name");
        Assert.Equal(0, ViewQueries.Long(path, "SELECT COUNT(*) FROM APPLICATIONS.SWITCHING_PLANS"));
    }

    [Fact]
    public async Task A_device_another_open_plan_holds_is_refused_until_that_plan_is_cancelled()
    {
        var (sectionalizer, _) = TransferPair(TestTerritory.CreateCopy(), out var path);
        await using var factory = new OpsCenterAppFactory(path);
        using var client = factory.CreateClient();
        using var first = await SaveAsync(client, "First", (sectionalizer, "open"));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("planId").GetString()!;

        using var second = await SaveAsync(client, "Second", (sectionalizer, "open"));
        await AssertProblemAsync(second, HttpStatusCode.Conflict, firstId);
        using var cancel = await client.PostAsync(new Uri($"/api/switching/plans/{firstId}/cancel", UriKind.Relative), null, Token);
        using var third = await SaveAsync(client, "Third", (sectionalizer, "open"));
        using var runCancelled = await client.PostAsync(new Uri($"/api/switching/plans/{firstId}/execute", UriKind.Relative), null, Token);
        using var unknownPlan = await client.PostAsync(new Uri("/api/switching/plans/SP-NOPE/execute", UriKind.Relative), null, Token);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        await AssertProblemAsync(runCancelled, HttpStatusCode.Conflict, "cancelled");
        await AssertProblemAsync(unknownPlan, HttpStatusCode.NotFound, "SP-NOPE");
        Assert.Equal("CLOSED", State(path, sectionalizer));
    }

    [Fact]
    public async Task A_step_that_fails_at_run_time_leaves_the_earlier_step_applied_and_recorded_and_says_so()
    {
        var (sectionalizer, tie) = TransferPair(TestTerritory.CreateCopy(), out var path);
        await using var factory = new OpsCenterAppFactory(path);
        using var client = factory.CreateClient();
        using var created = await SaveAsync(client, "Transfer", (sectionalizer, "open"), (tie, "close"));
        var planId = (await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("planId").GetString()!;
        // Between saving and running, the field closes the tie by hand: step 2 now meets a device already in that state.
        await factory.Services.GetRequiredService<ISqlSource>().ExecuteAsync(
            new SqlRequest("TestCloseTie", "UPDATE PRODUCTION.SWITCHING_DEVICES SET CURRENT_STATE = 'CLOSED' WHERE DEVICE_ID = ?", [tie], SqlRequest.DefaultTimeout), Token);

        using var run = await client.PostAsync(new Uri($"/api/switching/plans/{planId}/execute", UriKind.Relative), null, Token);

        var problem = await AssertProblemAsync(run, HttpStatusCode.Conflict, "stay applied");
        Assert.Equal(1, problem.GetProperty("appliedSteps")[0].GetInt32());
        Assert.Equal(2, problem.GetProperty("failedStep").GetInt32());
        Assert.Equal("OPEN", State(path, sectionalizer));
        Assert.Equal("DONE", Text(path, $"SELECT STATUS FROM APPLICATIONS.SWITCHING_PLAN_STEPS WHERE PLAN_ID = '{planId}' AND STEP_NUMBER = 1"));
        Assert.Contains("already closed", Text(path, $"SELECT RESULT FROM APPLICATIONS.SWITCHING_PLAN_STEPS WHERE PLAN_ID = '{planId}' AND STEP_NUMBER = 2 AND STATUS = 'FAILED'"), StringComparison.Ordinal);
        Assert.Equal("FAILED", Text(path, $"SELECT STATUS FROM APPLICATIONS.SWITCHING_PLANS WHERE PLAN_ID = '{planId}'"));
        Assert.Equal(2, ViewQueries.Long(path, $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE ACTION = 'SWITCHING_STEP' AND SUBJECT_ID LIKE '{planId}/%'"));
    }

    [Fact]
    public async Task A_viewer_may_list_plans_but_not_save_or_run_them()
    {
        var (sectionalizer, _) = TransferPair(TestTerritory.CreateCopy(), out var path);
        await using var factory = new OpsCenterAppFactory(path);
        factory.Settings["OpsCenter:Identity:LocalUser"] = "wall viewer";
        factory.Settings["OpsCenter:Identity:LocalRole"] = "Viewer";
        using var client = factory.CreateClient();

        using var save = await SaveAsync(client, "Not allowed", (sectionalizer, "open"));
        using var list = await client.GetAsync(new Uri("/api/switching/plans", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal("application/problem+json", save.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, ViewQueries.Long(path, "SELECT COUNT(*) FROM APPLICATIONS.SWITCHING_PLANS"));
    }

    [Fact]
    public async Task For_a_tripped_recloser_flisr_proposes_isolation_and_the_tie_pick_up_and_the_proposal_runs_as_a_plan()
    {
        var path = TestTerritory.CreateCopy();
        var tie = Text(path, """
            SELECT MIN(d.DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES d
            WHERE d.DEVICE_TYPE = 'TIE' AND d.CURRENT_STATE = 'OPEN' AND d.TIE_PARENT_DEVICE_ID LIKE 'SEC-%'
              AND NOT EXISTS (SELECT 1 FROM PRODUCTION.SWITCHING_DEVICES o
                              WHERE o.CIRCUIT_ID IN (d.CIRCUIT_ID, d.TIE_CIRCUIT_ID) AND o.DEVICE_TYPE <> 'TIE' AND o.CURRENT_STATE = 'OPEN')
              AND (SELECT COUNT(*) FROM PRODUCTION.SWITCHING_DEVICES t WHERE t.DEVICE_TYPE = 'TIE'
                   AND (t.TIE_PARENT_DEVICE_ID = d.TIE_PARENT_DEVICE_ID OR t.PARENT_DEVICE_ID = d.TIE_PARENT_DEVICE_ID)) = 1
            """);
        var sectionalizer = Text(path, $"SELECT TIE_PARENT_DEVICE_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{tie}'");
        var recloser = Text(path, $"SELECT PARENT_DEVICE_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{sectionalizer}'");
        var beyond = ViewQueries.Long(path, $"""
            SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c
            JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = c.TRANSFORMER_ID
            JOIN PRODUCTION.SWITCHING_DEVICES f ON f.DEVICE_ID = t.FUSE_ID
            WHERE f.PARENT_DEVICE_ID = '{sectionalizer}' AND c.ACCOUNT_STATUS = 'ACTIVE' AND c.CUSTOMER_SEGMENT IN ('RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL')
            """);
        await using var factory = new OpsCenterAppFactory(path);
        factory.Settings["OpsCenter:Simulator:ControlApi"] = "true";
        using var client = factory.CreateClient();
        await factory.Services.GetRequiredService<Flux.OpsCenter.Data.Synthetic.LiveEventSimulator>().InitializeAsync(Token);
        using var fault = await client.PostAsync(new Uri($"/api/simulator/faults?device={recloser}", UriKind.Relative), null, Token);
        Assert.Equal(HttpStatusCode.OK, fault.StatusCode);
        var outageId = (await fault.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("outageId").GetString()!;

        var proposal = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/switching/flisr?outage={outageId}", UriKind.Relative), Token);
        using var unknown = await client.GetAsync(new Uri("/api/switching/flisr?outage=OUT-NOPE", UriKind.Relative), Token);
        using var missing = await client.GetAsync(new Uri("/api/switching/flisr", UriKind.Relative), Token);

        var steps = proposal.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("deviceId").GetString(), s.GetProperty("action").GetString())).ToList();
        Assert.Equal([(sectionalizer, "open"), (tie, "close")], steps);
        Assert.Equal(beyond, proposal.GetProperty("customersRestored").GetInt32());
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "OUT-NOPE");
        await AssertProblemAsync(missing, HttpStatusCode.BadRequest, "outage");

        using var saved = await SaveAsync(client, $"FLISR {outageId}", (sectionalizer, "open"), (tie, "close"));
        var planId = (await saved.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("planId").GetString()!;
        using var run = await client.PostAsync(new Uri($"/api/switching/plans/{planId}/execute", UriKind.Relative), null, Token);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(beyond, await DownstreamCustomersAsync(client, tie));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"name":"x","steps":[{"device":"TIE-001-01","action":"toggle"}]}""")]
    public async Task A_malformed_body_is_a_400_problem(string body)
    {
        await using var factory = new OpsCenterAppFactory();
        using var client = factory.CreateClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/switching/plans", UriKind.Relative), content, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A sectionalizer and the open tie behind it whose two feeders have nothing open, so a transfer can run.</summary>
    private static (string Sectionalizer, string Tie) TransferPair(string copy, out string path)
    {
        path = copy;
        var tie = Text(path, """
            SELECT MIN(d.DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES d
            WHERE d.DEVICE_TYPE = 'TIE' AND d.CURRENT_STATE = 'OPEN'
              AND NOT EXISTS (SELECT 1 FROM PRODUCTION.SWITCHING_DEVICES o
                              WHERE o.CIRCUIT_ID IN (d.CIRCUIT_ID, d.TIE_CIRCUIT_ID) AND o.DEVICE_TYPE <> 'TIE' AND o.CURRENT_STATE = 'OPEN')
            """);
        return (Text(path, $"SELECT TIE_PARENT_DEVICE_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{tie}'"), tie);
    }

    private static async Task<int> DownstreamCustomersAsync(HttpClient client, string asset) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/trace?asset={asset}&direction=downstream", UriKind.Relative), Token)).GetProperty("customers").GetInt32();

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string name, params (string Device, string Action)[] steps) =>
        client.PostAsJsonAsync(new Uri("/api/switching/plans", UriKind.Relative),
            new { name, steps = steps.Select(s => new { device = s.Device, action = s.Action }).ToArray() }, Token);

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentions, body, StringComparison.OrdinalIgnoreCase);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private static Uri StepUri(string planId, int step) => new($"/api/switching/plans/{planId}/steps/{step}/execute", UriKind.Relative);

    private static string State(string path, string device) => Text(path, $"SELECT CURRENT_STATE FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{device}'");

    private static string Text(string path, string sql) => (string)ViewQueries.Scalar(path, sql)!;
}
