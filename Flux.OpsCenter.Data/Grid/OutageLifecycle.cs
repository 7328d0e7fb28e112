namespace Flux.OpsCenter.Data.Grid;

/// <summary>
/// The outage lifecycle's transition table, the one place that says which action may follow which stage:
/// predicted → confirmed → dispatched → partially restored → restored → verified, with the ETR settable while the outage
/// lasts. Whether an outage never dispatched may be restored is the utility's policy.
/// </summary>
public sealed class OutageLifecycle
{
    private static readonly Dictionary<OutageStage, string> Codes = new()
    {
        [OutageStage.Predicted] = "PREDICTED",
        [OutageStage.Confirmed] = "CONFIRMED",
        [OutageStage.Dispatched] = "DISPATCHED",
        [OutageStage.PartiallyRestored] = "PARTIALLY_RESTORED",
        [OutageStage.Restored] = "RESTORED",
        [OutageStage.Verified] = "VERIFIED",
    };

    private readonly Dictionary<OutageAction, OutageTransition> _transitions;

    public OutageLifecycle(bool requireDispatchBeforeRestore = true)
    {
        RequireDispatchBeforeRestore = requireDispatchBeforeRestore;
        OutageStage[] restorable = requireDispatchBeforeRestore
            ? [OutageStage.Dispatched, OutageStage.PartiallyRestored]
            : [OutageStage.Confirmed, OutageStage.Dispatched, OutageStage.PartiallyRestored];
        OutageTransition[] rules =
        [
            new(OutageAction.Confirm, Set(OutageStage.Predicted), OutageStage.Confirmed,
                Set(OutageStage.Confirmed, OutageStage.Dispatched, OutageStage.PartiallyRestored, OutageStage.Restored, OutageStage.Verified),
                "Only a predicted outage can be confirmed."),
            new(OutageAction.Dispatch, Set(OutageStage.Confirmed), OutageStage.Dispatched, Set(),
                "A crew goes to a confirmed outage: confirm it first."),
            new(OutageAction.SetEtr, Set(OutageStage.Predicted, OutageStage.Confirmed, OutageStage.Dispatched, OutageStage.PartiallyRestored), null, Set(),
                "The outage is over: an ETR no longer applies."),
            new(OutageAction.RestoreSection, Set(OutageStage.Dispatched, OutageStage.PartiallyRestored), OutageStage.PartiallyRestored, Set(),
                "A section is restored by the crew sent to the outage: dispatch a crew first."),
            new(OutageAction.Restore, Set(restorable), OutageStage.Restored, Set(OutageStage.Restored, OutageStage.Verified),
                requireDispatchBeforeRestore
                    ? "This outage was never dispatched: policy requires a crew on site before it is restored."
                    : "Only a confirmed outage can be restored."),
            new(OutageAction.Verify, Set(OutageStage.Restored), OutageStage.Verified, Set(OutageStage.Verified),
                "Verify after restoration: the outage is not restored yet."),
        ];
        _transitions = rules.ToDictionary(r => r.Action);
    }

    /// <summary>Whether policy refuses to restore an outage that no crew was sent to.</summary>
    public bool RequireDispatchBeforeRestore { get; }

    /// <summary>The rule of <paramref name="action"/>.</summary>
    public OutageTransition this[OutageAction action] => _transitions[action];

    /// <summary>The actions an operator may take on an outage in <paramref name="stage"/>, for the UI's buttons.</summary>
    public IReadOnlyList<OutageAction> Allowed(OutageStage stage) =>
        [.. _transitions.Values.Where(t => t.From.Contains(stage)).Select(t => t.Action)];

    /// <summary>The stage's code in the tables (PREDICTED, PARTIALLY_RESTORED, …).</summary>
    public static string Code(OutageStage stage) => Codes[stage];

    /// <summary>The stage a table code names.</summary>
    public static OutageStage Parse(string code) =>
        Codes.FirstOrDefault(c => string.Equals(c.Value, code, StringComparison.Ordinal)) is { Value: not null } found
            ? found.Key
            : throw new ArgumentException($"'{code}' is not an outage stage.", nameof(code));

    /// <summary>The ETR source's code in the tables.</summary>
    public static string Code(EtrSource source) => source == EtrSource.Crew ? "CREW" : "ESTIMATE";

    private static HashSet<OutageStage> Set(params OutageStage[] stages) => [.. stages];
}
