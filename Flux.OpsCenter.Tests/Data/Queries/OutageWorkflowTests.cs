using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Data.Queries;

/// <summary>The outage lifecycle as writes on the small territory: each step audited, idempotent, durable and refused when illegal.</summary>
public sealed class OutageWorkflowTests : IDisposable
{
    private static readonly DateTimeOffset At = TestTerritory.AsOf;
    private readonly FakeTimeProvider _time = new(At);
    private readonly DuckDbSource _source = new(TestTerritory.CreateCopy());

    private string Path => _source.DatabasePath;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fuse_fault_goes_from_predicted_to_verified_with_one_event_and_one_audit_row_per_step()
    {
        var (workflow, outageId) = await FuseOutageAsync();
        var crew = AvailableCrew();

        Assert.Equal(OutageStage.Predicted, (await workflow.GetAsync(outageId, Token))!.Stage);
        Assert.Equal(OutageStage.Confirmed, (await Apply(workflow, new(OutageAction.Confirm, outageId))).Stage);
        Assert.Equal(OutageStage.Dispatched, (await Apply(workflow, new(OutageAction.Dispatch, outageId) { CrewId = crew })).Stage);
        Assert.Equal("DISPATCHED", ViewQueries.Scalar(Path, $"SELECT STATUS FROM PRODUCTION.CREWS WHERE CREW_ID = '{crew}'"));
        Assert.Equal(outageId, ViewQueries.Scalar(Path, $"SELECT ASSIGNED_OUTAGE_ID FROM PRODUCTION.CREWS WHERE CREW_ID = '{crew}'"));
        Assert.Equal(crew, ViewQueries.Scalar(Path, $"SELECT CREW_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_ID = '{outageId}'"));

        var etr = At.AddHours(3);
        await Apply(workflow, new(OutageAction.SetEtr, outageId) { Etr = etr, EtrSource = EtrSource.Crew });
        var outage = (await workflow.GetAsync(outageId, Token))!;
        Assert.Equal(etr, outage.EstimatedRestoration);
        Assert.Equal(EtrSource.Crew, outage.EtrSource);

        Assert.Equal(OutageStage.Restored, (await Apply(workflow, new(OutageAction.Restore, outageId))).Stage);
        Assert.Equal("AVAILABLE", ViewQueries.Scalar(Path, $"SELECT STATUS FROM PRODUCTION.CREWS WHERE CREW_ID = '{crew}'"));
        Assert.Equal("COMPLETED", ViewQueries.Scalar(Path, $"SELECT STATUS FROM PRODUCTION.WORK_ORDERS WHERE OUTAGE_ID = '{outageId}'"));
        Assert.Equal("RESTORED", ViewQueries.Scalar(Path, $"SELECT STATUS FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_ID = '{outageId}'"));
        Assert.Equal(OutageStage.Verified, (await Apply(workflow, new(OutageAction.Verify, outageId))).Stage);

        var events = await workflow.GetEventsAsync(outageId, Token);
        Assert.Equal(["CONFIRM", "DISPATCH", "SET_ETR", "RESTORE", "VERIFY"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("op.one", e.UserName));
        Assert.Equal(5, ViewQueries.Long(Path, $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE SUBJECT_ID = '{outageId}' AND ACTION LIKE 'OUTAGE_%'"));
    }

    [Fact]
    public async Task Repeating_every_step_changes_nothing_and_writes_no_second_event()
    {
        var (workflow, outageId) = await FuseOutageAsync();
        var crew = AvailableCrew();
        OutageCommand[] steps =
        [
            new(OutageAction.Confirm, outageId),
            new(OutageAction.Dispatch, outageId) { CrewId = crew },
            new(OutageAction.SetEtr, outageId) { Etr = At.AddHours(2) },
            new(OutageAction.Restore, outageId),
            new(OutageAction.Verify, outageId),
        ];

        foreach (var step in steps)
        {
            Assert.Equal(OutageTransitionOutcome.Applied, (await workflow.ApplyAsync(step, "op.one", At, Token)).Outcome);
            var audits = ViewQueries.Long(Path, $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE SUBJECT_ID = '{outageId}'");
            var repeat = await workflow.ApplyAsync(step, "op.two", At.AddMinutes(1), Token);
            Assert.True(repeat.Outcome == OutageTransitionOutcome.AlreadyDone || step.Action == OutageAction.SetEtr && repeat.Outcome == OutageTransitionOutcome.Refused,
                $"{step.Action} repeated came to {repeat.Outcome}");
            Assert.Equal(audits, ViewQueries.Long(Path, $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE SUBJECT_ID = '{outageId}'"));
        }

        Assert.Equal(5, ViewQueries.Long(Path, $"SELECT COUNT(*) FROM APPLICATIONS.OUTAGE_EVENTS WHERE OUTAGE_ID = '{outageId}'"));
        Assert.Equal(0, ViewQueries.Long(Path, $"SELECT COUNT(*) FROM APPLICATIONS.OUTAGE_EVENTS WHERE OUTAGE_ID = '{outageId}' AND USER_NAME = 'op.two'"));
    }

    [Fact]
    public async Task Illegal_steps_are_refused_with_a_reason_and_write_nothing()
    {
        var (workflow, outageId) = await FuseOutageAsync();
        var crew = AvailableCrew();

        var verify = await workflow.ApplyAsync(new(OutageAction.Verify, outageId), "op.one", At, Token);
        var dispatchPredicted = await workflow.ApplyAsync(new(OutageAction.Dispatch, outageId) { CrewId = crew }, "op.one", At, Token);
        await Apply(workflow, new(OutageAction.Confirm, outageId));
        var restoreUndispatched = await workflow.ApplyAsync(new(OutageAction.Restore, outageId), "op.one", At, Token);
        var (busy, otherOutage) = await BusyCrewAsync(workflow, crew);
        var dispatchBusy = await workflow.ApplyAsync(new(OutageAction.Dispatch, outageId) { CrewId = busy }, "op.one", At, Token);
        var etrBeforeStart = await workflow.ApplyAsync(new(OutageAction.SetEtr, outageId) { Etr = At.AddHours(-5) }, "op.one", At, Token);
        var unknown = await workflow.ApplyAsync(new(OutageAction.Confirm, "OUT-NOPE"), "op.one", At, Token);

        Assert.Equal(OutageTransitionOutcome.Refused, verify.Outcome);
        Assert.Contains("not restored", verify.Message, StringComparison.Ordinal);
        Assert.Equal(OutageTransitionOutcome.Refused, dispatchPredicted.Outcome);
        Assert.Contains("confirm it first", dispatchPredicted.Message, StringComparison.Ordinal);
        Assert.Equal(OutageTransitionOutcome.Refused, restoreUndispatched.Outcome);
        Assert.Contains("never dispatched", restoreUndispatched.Message, StringComparison.Ordinal);
        Assert.Equal(OutageTransitionOutcome.Refused, dispatchBusy.Outcome);
        Assert.Contains("busy", dispatchBusy.Message, StringComparison.Ordinal);
        Assert.Contains(otherOutage, dispatchBusy.Message, StringComparison.Ordinal);
        Assert.Equal(OutageTransitionOutcome.Invalid, etrBeforeStart.Outcome);
        Assert.Equal(OutageTransitionOutcome.NotFound, unknown.Outcome);
        Assert.Equal(["CONFIRM"], (await workflow.GetEventsAsync(outageId, Token)).Select(e => e.Action));
        Assert.Equal(otherOutage, ViewQueries.Scalar(Path, $"SELECT ASSIGNED_OUTAGE_ID FROM PRODUCTION.CREWS WHERE CREW_ID = '{busy}'"));
        Assert.Equal("ACTIVE", ViewQueries.Scalar(Path, $"SELECT STATUS FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_ID = '{outageId}'"));
    }

    [Fact]
    public async Task Without_the_dispatch_policy_a_confirmed_outage_may_be_restored()
    {
        var (workflow, outageId) = await FuseOutageAsync(new OutageLifecycle(requireDispatchBeforeRestore: false));
        await Apply(workflow, new(OutageAction.Confirm, outageId));

        Assert.Equal(OutageStage.Restored, (await Apply(workflow, new(OutageAction.Restore, outageId))).Stage);
    }

    [Fact]
    public async Task An_estimate_never_overwrites_a_crew_entered_etr()
    {
        var (workflow, outageId) = await FuseOutageAsync();
        await Apply(workflow, new(OutageAction.Confirm, outageId));
        var estimate = await workflow.ApplyAsync(new(OutageAction.SetEtr, outageId) { Etr = At.AddHours(1), EtrSource = EtrSource.Estimate }, "storm model", At, Token);
        Assert.Equal(OutageTransitionOutcome.Applied, estimate.Outcome);
        await Apply(workflow, new(OutageAction.SetEtr, outageId) { Etr = At.AddHours(4), EtrSource = EtrSource.Crew });

        var later = await workflow.ApplyAsync(new(OutageAction.SetEtr, outageId) { Etr = At.AddHours(2), EtrSource = EtrSource.Estimate }, "storm model", At, Token);

        Assert.Equal(OutageTransitionOutcome.Refused, later.Outcome);
        Assert.Contains("never overwrites", later.Message, StringComparison.Ordinal);
        Assert.Equal(At.AddHours(4), (await workflow.GetAsync(outageId, Token))!.EstimatedRestoration);
    }

    [Fact]
    public async Task Restoring_a_section_brings_its_customers_back_and_keeps_customer_minutes_exact()
    {
        var (workflow, outageId) = await FuseOutageAsync();
        await Apply(workflow, new(OutageAction.Confirm, outageId));
        await Apply(workflow, new(OutageAction.Dispatch, outageId) { CrewId = AvailableCrew() });
        var sections = await workflow.GetSectionsAsync(outageId, Token);
        var before = (await workflow.GetAsync(outageId, Token))!;
        var first = sections.First(s => s.Customers > 0);
        var kpisBefore = (await new GridQueries(_source).GetKpisAsync(Token))!.CustomersOut;

        var result = await Apply(workflow, new(OutageAction.RestoreSection, outageId) { TransformerId = first.TransformerId });

        Assert.Equal(OutageStage.PartiallyRestored, result.Stage);
        var after = (await workflow.GetAsync(outageId, Token))!;
        Assert.Equal(before.CustomersAffected - first.Customers, after.CustomersAffected);
        Assert.Equal(kpisBefore - first.Customers, (await new GridQueries(_source).GetKpisAsync(Token))!.CustomersOut);
        Assert.Equal(0, ViewQueries.Long(Path, $"SELECT COUNT(*) FROM APPLICATIONS.TRANSFORMERS_DE_ENERGIZED WHERE TRANSFORMER_ID = '{first.TransformerId}'"));
        Assert.Equal(first.Customers, ViewQueries.Long(Path,
            $"SELECT CUSTOMERS_AFFECTED FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_ID = 'SEC-{outageId}-{first.TransformerId}' AND STATUS = 'RESTORED'"));
        // The section's event counts for reliability, but its alarm is the outage's: no second alarm for the same fault.
        Assert.Equal(0, ViewQueries.Long(Path, $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_HISTORY WHERE OUTAGE_ID = 'SEC-{outageId}-{first.TransformerId}'"));
        // Repeating the section changes neither count.
        Assert.Equal(OutageTransitionOutcome.AlreadyDone,
            (await workflow.ApplyAsync(new(OutageAction.RestoreSection, outageId) { TransformerId = first.TransformerId }, "op.one", At, Token)).Outcome);
        Assert.Equal(after.CustomersAffected, (await workflow.GetAsync(outageId, Token))!.CustomersAffected);
    }

    [Fact]
    public async Task The_lifecycle_survives_a_restart_and_the_simulator_leaves_an_operators_outage_alone()
    {
        var (workflow, outageId) = await FuseOutageAsync();
        await Apply(workflow, new(OutageAction.Confirm, outageId));
        var etr = At.AddMinutes(30);
        await Apply(workflow, new(OutageAction.SetEtr, outageId) { Etr = etr });
        _source.Dispose();

        using var reopened = new DuckDbSource(Path);
        var again = new OutageWorkflow(reopened, new OutageLifecycle());
        Assert.Equal(OutageStage.Confirmed, (await again.GetAsync(outageId, Token))!.Stage);

        // Ten simulated hours: the simulator would dispatch after five minutes and restore at the ETR, but this outage is the operator's.
        using var simulator = new LiveEventSimulator(reopened, new SimulatorOptions { FaultsPerHour = 0, Speed = 600, Seed = 5 }, _time);
        await simulator.InitializeAsync(Token);
        for (var step = 0; step < 60; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await simulator.StepAsync(Token);
        }

        var outage = (await again.GetAsync(outageId, Token))!;
        Assert.Equal(OutageStage.Confirmed, outage.Stage);
        Assert.Null(outage.CrewId);
        Assert.Null(outage.EndTime);
        Assert.Equal(etr, outage.EstimatedRestoration);
    }

    private async Task<(OutageWorkflow Workflow, string OutageId)> FuseOutageAsync(OutageLifecycle? lifecycle = null)
    {
        using var simulator = new LiveEventSimulator(_source, new SimulatorOptions { FaultsPerHour = 0, Seed = 11 }, _time);
        await simulator.InitializeAsync(Token);
        var fault = await simulator.InjectFaultAsync(FuseWithSections(), Token);
        Assert.NotNull(fault);
        return (new OutageWorkflow(_source, lifecycle ?? new OutageLifecycle()), fault.OutageId);
    }

    private async Task<OutageTransitionResult> Apply(OutageWorkflow workflow, OutageCommand command)
    {
        var result = await workflow.ApplyAsync(command, "op.one", _time.GetUtcNow(), Token);
        Assert.True(result.Outcome == OutageTransitionOutcome.Applied, $"{command.Action}: {result.Outcome} {result.Message}");
        return result;
    }

    // A fuse on a feeder with no active outage, with customers behind at least two of its transformers.
    private string FuseWithSections() => ViewQueries.Scalar(Path, """
        SELECT MIN(FUSE_ID) FROM (
            SELECT t.FUSE_ID FROM PRODUCTION.TRANSFORMER_METADATA t
            JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID AND c.ACCOUNT_STATUS = 'ACTIVE'
            WHERE t.CIRCUIT_ID NOT IN (SELECT CIRCUIT_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL)
            GROUP BY t.FUSE_ID HAVING COUNT(DISTINCT t.TRANSFORMER_ID) >= 2)
        """)!.ToString()!;

    private string AvailableCrew() => ViewQueries.Scalar(Path,
        "SELECT MIN(CREW_ID) FROM PRODUCTION.CREWS WHERE STATUS = 'AVAILABLE' AND ASSIGNED_OUTAGE_ID IS NULL")!.ToString()!;

    // Sends another available crew to a breaker lockout on another quiet feeder, so it is busy when asked for again.
    private async Task<(string Crew, string OutageId)> BusyCrewAsync(OutageWorkflow workflow, string notThisOne)
    {
        var crew = ViewQueries.Scalar(Path,
            $"SELECT MIN(CREW_ID) FROM PRODUCTION.CREWS WHERE STATUS = 'AVAILABLE' AND ASSIGNED_OUTAGE_ID IS NULL AND CREW_ID <> '{notThisOne}'")!.ToString()!;
        var breaker = ViewQueries.Scalar(Path, """
            SELECT MIN(t.BREAKER_ID) FROM PRODUCTION.TRANSFORMER_METADATA t
            WHERE t.CIRCUIT_ID NOT IN (SELECT CIRCUIT_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL)
            """)!.ToString()!;
        using var simulator = new LiveEventSimulator(_source, new SimulatorOptions { FaultsPerHour = 0, Seed = 13 }, _time);
        await simulator.InitializeAsync(Token);
        var lockout = await simulator.InjectFaultAsync(breaker, Token);
        Assert.NotNull(lockout);
        Assert.Equal(OutageStage.Confirmed, (await workflow.GetAsync(lockout.OutageId, Token))!.Stage);
        await Apply(workflow, new(OutageAction.Dispatch, lockout.OutageId) { CrewId = crew });
        return (crew, lockout.OutageId);
    }

    public void Dispose() => _source.Dispose();
}
