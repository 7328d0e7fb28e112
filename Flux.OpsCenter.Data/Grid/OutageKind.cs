namespace Flux.OpsCenter.Data.Grid;

/// <summary>Which interruptions an outage history lists (IEEE 1366: sustained means longer than 5 minutes).</summary>
public enum OutageKind
{
    /// <summary>Every event, active ones included.</summary>
    All,

    /// <summary>Restored, not flagged momentary, longer than 5 minutes.</summary>
    Sustained,

    /// <summary>Restored within 5 minutes or flagged momentary (recloser operations).</summary>
    Momentary,
}
