using System.Globalization;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Data.Queries;

/// <summary>
/// The outage lifecycle as writes: confirm, dispatch a crew, set the ETR, restore a section, restore, verify. Each request
/// is checked against the <see cref="OutageLifecycle"/> table and the crew's state, then written as one batch with its
/// event and audit rows (one DuckDB transaction). Every statement is guarded so that repeating it changes nothing, the
/// event id is derived from the outage, action and arguments, and the audit row is derived from the event row, so a
/// repeat is a no-op and a batch cut short on Snowflake (statement by statement) is completed by asking again.
/// </summary>
public sealed class OutageWorkflow(ISqlSource source, OutageLifecycle lifecycle)
{
    /// <summary>Longest comment kept with a transition.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>How far ahead an ETR may be set.</summary>
    public static readonly TimeSpan LongestEtrHorizon = TimeSpan.FromDays(14);

    /// <summary>The transition table these writes follow.</summary>
    public OutageLifecycle Lifecycle => lifecycle;

    /// <summary>One sustained outage with its stage, or null when no sustained outage has the id.</summary>
    public async Task<Outage?> GetAsync(string outageId, CancellationToken cancellationToken) =>
        (await source.QueryAsync(QueryCatalog.Request("GetOutageWorkflow", outageId), RowMappers.OutageWithStage, cancellationToken)).SingleOrDefault();

    /// <summary>The restorable sections (transformers) of an outage with their customers, restored ones included.</summary>
    public Task<IReadOnlyList<OutageSection>> GetSectionsAsync(string outageId, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetOutageSections", outageId, outageId, GridQueries.MaxRows), static r => new OutageSection(
            r.GetString("TRANSFORMER_ID"), r.GetInt64("CUSTOMERS"), r.GetInt64("CRITICAL_CARE_CUSTOMERS"),
            r.GetNullableTimestamp("RESTORED_AT"), r.GetNullableString("RESTORED_BY")), cancellationToken);

    /// <summary>The critical-care (life-support) customers behind an outage, those still out first.</summary>
    public Task<IReadOnlyList<CriticalCareCustomer>> GetCriticalCareAsync(string outageId, int limit, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetOutageCriticalCare", outageId, outageId, Math.Clamp(limit, 1, GridQueries.MaxRows)), static r => new CriticalCareCustomer(
            r.GetString("CUSTOMER_ID"), r.GetString("FULL_NAME"), r.GetString("SERVICE_ADDRESS"), r.GetString("CITY"),
            r.GetString("TRANSFORMER_ID"), r.GetBoolean("STILL_OUT")), cancellationToken);

    /// <summary>The recorded transitions of an outage, oldest first.</summary>
    public Task<IReadOnlyList<OutageEvent>> GetEventsAsync(string outageId, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetOutageEvents", outageId, GridQueries.MaxRows), static r => new OutageEvent(
            r.GetString("EVENT_ID"), r.GetString("OUTAGE_ID"), r.GetString("ACTION"), r.GetString("STAGE"), r.GetTimestamp("OCCURRED_AT"),
            r.GetString("USER_NAME"), r.GetNullableString("DETAIL"), r.GetNullableTimestamp("ETR")), cancellationToken);

    /// <summary>The crews free to send to <paramref name="outage"/> (available, unassigned), nearest first.</summary>
    public async Task<IReadOnlyList<CrewDistance>> GetAvailableCrewsAsync(Outage outage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outage);
        var crews = await source.QueryAsync(QueryCatalog.Request("GetCrews", GridQueries.MaxRows), RowMappers.Crew, cancellationToken);
        return [.. crews
            .Where(c => c.Status == "AVAILABLE" && c.AssignedOutageId is null)
            .Select(c => new CrewDistance(c, HoustonGeography.DistanceKm(c.CurrentLatitude, c.CurrentLongitude, outage.Latitude, outage.Longitude)))
            .OrderBy(c => c.DistanceKm)];
    }

    /// <summary>Outages restored in the last 24 hours of data that nobody has verified yet, latest first.</summary>
    public Task<IReadOnlyList<Outage>> GetAwaitingVerificationAsync(int limit, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetOutagesAwaitingVerification", Math.Clamp(limit, 1, GridQueries.MaxRows)), RowMappers.OutageWithStage, cancellationToken);

    /// <summary>Checks <paramref name="command"/> against the lifecycle and writes it under <paramref name="userName"/> at <paramref name="at"/>.</summary>
    public async Task<OutageTransitionResult> ApplyAsync(OutageCommand command, string userName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (command.Comment is { Length: > MaxCommentLength })
        {
            return Invalid(command, null, $"A comment holds at most {MaxCommentLength} characters.");
        }

        if (await GetAsync(command.OutageId, cancellationToken) is not { Stage: { } stage } outage)
        {
            return new(OutageTransitionOutcome.NotFound, command.OutageId, null, "No sustained outage has this id.");
        }

        var rule = lifecycle[command.Action];
        if (rule.AlreadyDoneIn.Contains(stage))
        {
            return new(OutageTransitionOutcome.AlreadyDone, outage.OutageId, stage, null);
        }

        var plan = command.Action switch
        {
            OutageAction.Dispatch => await PlanDispatchAsync(command, outage, stage, cancellationToken),
            OutageAction.SetEtr => PlanEtr(command, outage, stage, at),
            OutageAction.RestoreSection => await PlanSectionAsync(command, outage, stage, cancellationToken),
            OutageAction.Restore => Plan.Go(ActionCode(command.Action), null, static (id, _, at) => RestoreWrites(id, at)),
            _ => Plan.Go(ActionCode(command.Action), null, static (_, _, _) => []),
        };

        // A repeat is answered first, then the lifecycle, then what else the action's own checks found.
        if (plan.Result is { Outcome: OutageTransitionOutcome.AlreadyDone } repeat)
        {
            return repeat;
        }

        if (!rule.From.Contains(stage))
        {
            return new(OutageTransitionOutcome.Refused, outage.OutageId, stage, $"{rule.Refusal} It is {Describe(stage)}.");
        }

        if (plan.Result is { } decided)
        {
            return decided;
        }

        var after = rule.To ?? stage;
        var eventId = $"{outage.OutageId}:{plan.EventKey}";
        var detail = string.Join(" · ", new[] { plan.Detail, command.Comment?.Trim() }.Where(d => !string.IsNullOrEmpty(d)));
        List<SqlRequest> writes =
        [
            QueryCatalog.Request("EnsureOutageLifecycle", at, userName, outage.OutageId, outage.OutageId),
            QueryCatalog.Request("RecordOutageEvent", eventId, outage.OutageId, ActionCode(command.Action), OutageLifecycle.Code(after), at, userName,
                detail.Length == 0 ? null : detail, command.Action == OutageAction.SetEtr ? command.Etr?.ToUniversalTime() : null, eventId),
            .. plan.Writes(outage.OutageId, userName, at),
        ];
        if (rule.To is { } to)
        {
            var from = rule.From.Select(OutageLifecycle.Code).ToList();
            while (from.Count < 3)
            {
                from.Add(from[0]);
            }

            writes.Add(QueryCatalog.Request("SetOutageStage", OutageLifecycle.Code(to), at, userName, outage.OutageId, from[0], from[1], from[2]));
        }

        writes.Add(QueryCatalog.Request("RecordOutageEventAudit", eventId, eventId));
        await source.ExecuteBatchAsync(writes, cancellationToken);
        return new(OutageTransitionOutcome.Applied, outage.OutageId, after, null);
    }

    private async Task<Plan> PlanDispatchAsync(OutageCommand command, Outage outage, OutageStage stage, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.CrewId))
        {
            return Plan.Stop(Invalid(command, stage, "Name the crew to dispatch."));
        }

        var crewId = command.CrewId.Trim();
        if (string.Equals(outage.CrewId, crewId, StringComparison.Ordinal))
        {
            return Plan.Stop(new(OutageTransitionOutcome.AlreadyDone, outage.OutageId, stage, null));
        }

        if (outage.CrewId is not null)
        {
            return Plan.Stop(Refused(outage, stage, $"Crew {outage.CrewId} already holds this outage."));
        }

        var crews = await source.QueryAsync(QueryCatalog.Request("GetCrews", GridQueries.MaxRows), RowMappers.Crew, cancellationToken);
        if (crews.FirstOrDefault(c => string.Equals(c.CrewId, crewId, StringComparison.Ordinal)) is not { } crew)
        {
            return Plan.Stop(new(OutageTransitionOutcome.NotFound, outage.OutageId, stage, $"No crew has the id '{crewId}'."));
        }

        // A crew left assigned to this outage by a batch cut short is not busy elsewhere: asking again completes the dispatch.
        var heldHere = string.Equals(crew.AssignedOutageId, outage.OutageId, StringComparison.Ordinal);
        if (!heldHere && (crew.Status != "AVAILABLE" || crew.AssignedOutageId is not null))
        {
            var where = crew.AssignedOutageId is { } other ? $" on outage {other}" : "";
            return Plan.Stop(Refused(outage, stage, $"Crew {crew.CrewId} is busy ({crew.Status.Replace('_', ' ').ToLowerInvariant()}{where}); choose an available crew."));
        }

        return Plan.Go($"DISPATCH:{crewId}", $"crew {crewId}", (id, _, at) =>
        [
            QueryCatalog.Request("AssignOutageCrew", id, at, crewId, id),
            QueryCatalog.Request("RecordOutageCrew", crewId, id, crewId, id),
            QueryCatalog.Request("UpdateOutageWorkOrder", "ASSIGNED", null, id),
        ]);
    }

    private static Plan PlanEtr(OutageCommand command, Outage outage, OutageStage stage, DateTimeOffset at)
    {
        if (command.Etr is not { } etr)
        {
            return Plan.Stop(Invalid(command, stage, "Give the estimated time of restoration."));
        }

        etr = etr.ToUniversalTime();
        if (etr <= outage.StartTime)
        {
            return Plan.Stop(Invalid(command, stage, "The ETR must be after the outage began."));
        }

        if (etr > at + LongestEtrHorizon)
        {
            return Plan.Stop(Invalid(command, stage, $"The ETR must be within {LongestEtrHorizon.TotalDays:0} days."));
        }

        if (command.EtrSource == EtrSource.Estimate && outage.EtrSource == EtrSource.Crew)
        {
            return Plan.Stop(Refused(outage, stage, "The crew entered this ETR; an estimate never overwrites it."));
        }

        if (outage.EstimatedRestoration == etr && outage.EtrSource == command.EtrSource)
        {
            return Plan.Stop(new(OutageTransitionOutcome.AlreadyDone, outage.OutageId, stage, null));
        }

        var source = OutageLifecycle.Code(command.EtrSource);
        var previous = outage.EstimatedRestoration?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "none";
        return Plan.Go($"ETR:{previous}:{etr.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{source}",
            $"ETR {etr.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC ({source.ToLowerInvariant()})", (id, user, now) =>
            [
                QueryCatalog.Request("SetOutageEtr", etr, id, source, id),
                QueryCatalog.Request("RecordOutageEtrSource", source, now, user, id, source),
            ]);
    }

    private async Task<Plan> PlanSectionAsync(OutageCommand command, Outage outage, OutageStage stage, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.TransformerId))
        {
            return Plan.Stop(Invalid(command, stage, "Name the section (transformer) restored."));
        }

        var sections = await GetSectionsAsync(outage.OutageId, cancellationToken);
        if (sections.FirstOrDefault(s => string.Equals(s.TransformerId, command.TransformerId, StringComparison.Ordinal)) is not { } section)
        {
            return Plan.Stop(new(OutageTransitionOutcome.NotFound, outage.OutageId, stage, $"Transformer '{command.TransformerId}' is not behind this outage's device."));
        }

        if (section.RestoredAt is not null)
        {
            return Plan.Stop(new(OutageTransitionOutcome.AlreadyDone, outage.OutageId, stage, null));
        }

        if (sections.Count(s => s.RestoredAt is null) <= 1)
        {
            return Plan.Stop(Refused(outage, stage, "This is the last section out: restore the outage instead."));
        }

        var transformerId = section.TransformerId;
        var historyId = $"SEC-{outage.OutageId}-{transformerId}";
        return Plan.Go($"SECTION:{transformerId}", $"section {transformerId}: {section.Customers} customers back", (id, user, at) =>
        [
            QueryCatalog.Request("RecordSectionRestoration", id, transformerId, section.Customers, at, user, id, transformerId),
            QueryCatalog.Request("RecordSectionHistory", historyId, transformerId, id, historyId),
            QueryCatalog.Request("RefreshOutageCustomers", id),
        ]);
    }

    private static string ActionCode(OutageAction action) => action switch
    {
        OutageAction.Confirm => "CONFIRM",
        OutageAction.Dispatch => "DISPATCH",
        OutageAction.SetEtr => "SET_ETR",
        OutageAction.RestoreSection => "RESTORE_SECTION",
        OutageAction.Restore => "RESTORE",
        _ => "VERIFY",
    };

    private static IReadOnlyList<SqlRequest> RestoreWrites(string outageId, DateTimeOffset at) =>
    [
        QueryCatalog.Request("CloseOutage", at, outageId),
        QueryCatalog.Request("CloseOutageDevice", at, outageId),
        QueryCatalog.Request("UpdateOutageWorkOrder", "COMPLETED", at, outageId),
        QueryCatalog.Request("ReleaseOutageCrew", at, outageId),
    ];

    private static string Describe(OutageStage stage) => OutageLifecycle.Code(stage).Replace('_', ' ').ToLowerInvariant();

    private static OutageTransitionResult Invalid(OutageCommand command, OutageStage? stage, string message) =>
        new(OutageTransitionOutcome.Invalid, command.OutageId, stage, message);

    private static OutageTransitionResult Refused(Outage outage, OutageStage stage, string message) =>
        new(OutageTransitionOutcome.Refused, outage.OutageId, stage, message);

    /// <summary>What a request will write, or the answer that ends it before anything is written.</summary>
    private sealed record Plan(OutageTransitionResult? Result, string EventKey, string? Detail, Func<string, string, DateTimeOffset, IReadOnlyList<SqlRequest>> Writes)
    {
        public static Plan Stop(OutageTransitionResult result) => new(result, "", null, static (_, _, _) => []);

        public static Plan Go(string eventKey, string? detail, Func<string, string, DateTimeOffset, IReadOnlyList<SqlRequest>> writes) =>
            new(null, eventKey, detail, writes);
    }
}
