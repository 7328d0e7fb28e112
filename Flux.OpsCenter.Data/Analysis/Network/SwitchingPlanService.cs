using System.Globalization;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// Switching plans saved, listed and run. A plan is validated against the live topology when saved and each step again
/// just before it runs; a step runs as one transaction through <see cref="ISqlSource.ExecuteBatchAsync"/>, the write
/// path the simulator's trips use: the device's state, the step's result and its audit row commit together. Saving and
/// running are serialised in the process, so two plans never take the same device and steps never interleave.
/// </summary>
public sealed class SwitchingPlanService(ISqlSource source, NetworkService network, TimeProvider clock) : IDisposable
{
    /// <summary>The longest plan name kept.</summary>
    public const int MaxNameLength = 120;

    /// <summary>The most plans the list returns.</summary>
    public const int ListLimit = 200;

    private const string LiveOperateDevice = "LiveOperateDevice";
    private readonly SemaphoreSlim _writes = new(1, 1);

    /// <summary>Raised after a plan was saved, ran a step or was cancelled, so every open plan list can reload.</summary>
    public event EventHandler? Changed;

    /// <summary>Saves a plan whose every step can run against the live topology and whose devices no open plan holds.</summary>
    public async Task<SwitchingPlanSaveResult> SaveAsync(string name, IReadOnlyList<SwitchingStep> steps, string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await network.RefreshStatesAsync(cancellationToken).ConfigureAwait(false);
            var validation = SwitchingStudy.Validate(await network.GetStateAsync(cancellationToken).ConfigureAwait(false), steps);
            if (validation.Any(v => v.Outcome is StepOutcome.Refused or StepOutcome.NotEvaluated))
            {
                return new SwitchingPlanSaveResult(null, validation, null, null);
            }

            var held = await HeldDevicesAsync(cancellationToken).ConfigureAwait(false);
            if (validation.FirstOrDefault(v => held.ContainsKey(v.DeviceId)) is { } taken)
            {
                return new SwitchingPlanSaveResult(null, validation, taken.DeviceId, held[taken.DeviceId]);
            }

            var now = clock.GetUtcNow();
            var planId = string.Create(CultureInfo.InvariantCulture, $"SP-{now:MMdd}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}");
            List<SqlRequest> writes = [QueryCatalog.Request("InsertSwitchingPlan", planId, name.Trim(), userName, now, now, planId)];
            writes.AddRange(validation.Select(v => QueryCatalog.Request("InsertSwitchingPlanStep", planId, v.Step, v.DeviceId, ActionName(v.Action), planId, v.Step)));
            writes.Add(PlanAudit(planId, userName, "SWITCHING_PLAN_CREATED"));
            await source.ExecuteBatchAsync(writes, cancellationToken).ConfigureAwait(false);
            Changed?.Invoke(this, EventArgs.Empty);
            return new SwitchingPlanSaveResult(planId, validation, null, null);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>The saved plans, newest first.</summary>
    public Task<IReadOnlyList<SwitchingPlanSummary>> ListAsync(CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetSwitchingPlans", ListLimit), MapSummary, cancellationToken);

    /// <summary>One plan with its steps, or null when no plan has the id.</summary>
    public async Task<SwitchingPlan?> GetAsync(string planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planId);
        var plans = await ListAsync(cancellationToken).ConfigureAwait(false);
        if (plans.FirstOrDefault(p => string.Equals(p.PlanId, planId, StringComparison.Ordinal)) is not { } summary)
        {
            return null;
        }

        var steps = await source.QueryAsync(QueryCatalog.Request("GetSwitchingPlanSteps", planId), MapStep, cancellationToken).ConfigureAwait(false);
        return new SwitchingPlan(summary, steps);
    }

    /// <summary>
    /// Runs a plan's pending steps in order, or only <paramref name="onlyStep"/> when it is the next one. Each step is
    /// checked against the live topology just before it runs; the first that is refused or whose write fails is recorded
    /// as failed with the reason, the plan is marked failed, and the steps before it stay applied. Null when no plan has the id.
    /// </summary>
    public async Task<SwitchingPlanRunResult?> RunAsync(string planId, int? onlyStep, string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await GetAsync(planId, cancellationToken).ConfigureAwait(false) is not { } plan)
            {
                return null;
            }

            var pending = plan.Steps.Where(s => s.Status == SwitchingPlanStatus.StepPending).ToList();
            var refusal = !SwitchingPlanStatus.IsOpen(plan.Summary.Status)
                ? $"Plan {planId} is {plan.Summary.Status.ToLowerInvariant().Replace('_', ' ')}; only a planned or in-progress plan runs."
                : onlyStep is { } asked && (pending.Count == 0 || pending[0].Step != asked)
                    ? plan.Steps.FirstOrDefault(s => s.Step == asked) is not { } found ? $"Plan {planId} has no step {asked}."
                    : found.Status != SwitchingPlanStatus.StepPending ? $"Step {asked} has already run ({found.Status.ToLowerInvariant()})."
                    : $"Step {asked} is out of order: step {pending[0].Step} runs first."
                : null;
            if (refusal is not null)
            {
                return new SwitchingPlanRunResult(plan, [], null, refusal);
            }

            var applied = new List<StepValidation>();
            StepValidation? failed = null;
            foreach (var step in onlyStep is null ? pending : pending.Take(1))
            {
                var last = step.Step == pending[^1].Step;
                var outcome = await RunStepAsync(planId, step, last, userName, cancellationToken).ConfigureAwait(false);
                if (outcome.Outcome is StepOutcome.Refused or StepOutcome.NotEvaluated)
                {
                    failed = outcome;
                    break;
                }

                applied.Add(outcome);
            }

            Changed?.Invoke(this, EventArgs.Empty);
            return new SwitchingPlanRunResult((await GetAsync(planId, cancellationToken).ConfigureAwait(false))!, applied, failed, null);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Cancels a plan that has not finished, releasing its devices; false when it is not open (or unknown).</summary>
    public async Task<bool> CancelAsync(string planId, string userName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await GetAsync(planId, cancellationToken).ConfigureAwait(false) is not { } plan || !SwitchingPlanStatus.IsOpen(plan.Summary.Status))
            {
                return false;
            }

            await source.ExecuteBatchAsync(
                [
                    QueryCatalog.Request("SetSwitchingPlanStatus", SwitchingPlanStatus.Cancelled, clock.GetUtcNow(), planId),
                    PlanAudit(planId, userName, "SWITCHING_PLAN_CANCELLED"),
                ],
                cancellationToken).ConfigureAwait(false);
            Changed?.Invoke(this, EventArgs.Empty);
            return true;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>
    /// The FLISR proposal for an active outage, its fault taken to lie in the section of <paramref name="faultedDeviceId"/>
    /// (the tripped device's own section when null). Null with a reason when the outage is not active or not on a
    /// switching device, or the faulted device is unknown.
    /// </summary>
    public async Task<(FlisrProposal? Proposal, string? Problem)> ProposeFlisrAsync(string outageId, string? faultedDeviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outageId);
        var active = await source.QueryAsync(QueryCatalog.Request("GetActiveOutages", GridQueries.MaxRows), RowMappers.Outage, cancellationToken).ConfigureAwait(false);
        if (active.FirstOrDefault(o => string.Equals(o.OutageId, outageId.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } outage)
        {
            return (null, $"No active outage has the id '{outageId}'.");
        }

        await network.RefreshStatesAsync(cancellationToken).ConfigureAwait(false);
        var state = await network.GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (state.Model.IndexOfDevice(outage.DeviceId) < 0)
        {
            return (null, $"Outage {outage.OutageId} is on {outage.DeviceType.ToLowerInvariant()} {outage.DeviceId}, not a switching device: nothing to isolate around it.");
        }

        return FlisrPlanner.Propose(state, outage.DeviceId, faultedDeviceId) is { } proposal
            ? (proposal, null)
            : (null, $"No switching device heading a section has the id '{faultedDeviceId}'.");
    }

    public void Dispose() => _writes.Dispose();

    private async Task<StepValidation> RunStepAsync(string planId, SwitchingPlanStepRecord step, bool last, string userName, CancellationToken cancellationToken)
    {
        // The topology may have moved since the plan was saved (a trip, another plan): check against it as it is now.
        await network.RefreshStatesAsync(cancellationToken).ConfigureAwait(false);
        var state = await network.GetStateAsync(cancellationToken).ConfigureAwait(false);
        var check = SwitchingStudy.Validate(state, [new SwitchingStep(step.DeviceId, step.Action)])[0] with { Step = step.Step };
        var at = clock.GetUtcNow();
        if (check.Outcome is StepOutcome.Refused or StepOutcome.NotEvaluated)
        {
            await RecordFailureAsync(planId, step.Step, userName, at, string.Join(' ', check.Messages), cancellationToken).ConfigureAwait(false);
            return check;
        }

        var result = check.Messages.Count == 0 ? "Applied." : "Applied. " + string.Join(' ', check.Messages);
        var open = step.Action == SwitchingAction.Open;
        try
        {
            List<SqlRequest> writes =
            [
                new(LiveOperateDevice, QueryCatalog.Resource($"Synthetic/Sql/{LiveOperateDevice}.sql"),
                    [open ? SwitchingDeviceTypes.Open : SwitchingDeviceTypes.Closed, at, ActionName(step.Action), step.DeviceId], SqlRequest.DefaultTimeout),
                QueryCatalog.Request("RecordSwitchingStepResult", SwitchingPlanStatus.StepDone, userName, at, result, planId, step.Step),
                StepAudit(planId, step.Step),
                QueryCatalog.Request("SetSwitchingPlanStatus", last ? SwitchingPlanStatus.Completed : SwitchingPlanStatus.InProgress, at, planId),
            ];
            if (last)
            {
                writes.Add(PlanAudit(planId, userName, "SWITCHING_PLAN_COMPLETED"));
            }

            await source.ExecuteBatchAsync(writes, cancellationToken).ConfigureAwait(false);
        }
        catch (FluxDataException ex)
        {
            // Nothing of this step committed; say so on the step and stop the plan, keeping the steps before it.
            var reason = $"The write failed ({ex.Source} {ex.Kind}); {step.DeviceId} was not operated.";
            await RecordFailureAsync(planId, step.Step, userName, at, reason, cancellationToken).ConfigureAwait(false);
            return check with { Outcome = StepOutcome.Refused, Messages = [reason] };
        }

        await network.RefreshStatesAsync(cancellationToken).ConfigureAwait(false);
        return check;
    }

    private async Task RecordFailureAsync(string planId, int step, string userName, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        await source.ExecuteBatchAsync(
            [
                QueryCatalog.Request("RecordSwitchingStepResult", SwitchingPlanStatus.StepFailed, userName, at, reason, planId, step),
                StepAudit(planId, step),
                QueryCatalog.Request("SetSwitchingPlanStatus", SwitchingPlanStatus.Failed, at, planId),
                PlanAudit(planId, userName, "SWITCHING_PLAN_FAILED"),
            ],
            cancellationToken).ConfigureAwait(false);

    private async Task<Dictionary<string, string>> HeldDevicesAsync(CancellationToken cancellationToken)
    {
        var rows = await source.QueryAsync(QueryCatalog.Request("GetHeldSwitchingDevices"),
            r => (Device: r.GetString("DEVICE_ID"), Plan: r.GetString("PLAN_ID")), cancellationToken).ConfigureAwait(false);
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (device, plan) in rows)
        {
            held.TryAdd(device, plan);
        }

        return held;
    }

    private static SqlRequest PlanAudit(string planId, string userName, string action) =>
        QueryCatalog.Request("RecordSwitchingPlanAudit", Guid.NewGuid().ToString("N"), userName, action, planId, action, planId);

    private static SqlRequest StepAudit(string planId, int step) =>
        QueryCatalog.Request("RecordSwitchingStepAudit", Guid.NewGuid().ToString("N"), planId, step, $"{planId}/{step.ToString(CultureInfo.InvariantCulture)}");

    private static string ActionName(SwitchingAction action) => action == SwitchingAction.Open ? "OPEN" : "CLOSE";

    private static SwitchingPlanSummary MapSummary(ISqlRow r) => new(
        r.GetString("PLAN_ID"), r.GetString("PLAN_NAME"), r.GetString("STATUS"), r.GetString("CREATED_BY"),
        r.GetTimestamp("CREATED_AT"), r.GetTimestamp("UPDATED_AT"), (int)r.GetInt64("STEP_COUNT"), r.IsNull("STEPS_DONE") ? 0 : (int)r.GetInt64("STEPS_DONE"));

    private static SwitchingPlanStepRecord MapStep(ISqlRow r) => new(
        (int)r.GetInt64("STEP_NUMBER"), r.GetString("DEVICE_ID"), r.GetString("ACTION") == "OPEN" ? SwitchingAction.Open : SwitchingAction.Close,
        r.GetString("STATUS"), r.GetNullableString("EXECUTED_BY"), r.GetNullableTimestamp("EXECUTED_AT"), r.GetNullableString("RESULT"));
}
