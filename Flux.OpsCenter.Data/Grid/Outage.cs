namespace Flux.OpsCenter.Data.Grid;

/// <summary>One interruption event of OUTAGE_RESTORATION_TRACKER.</summary>
public sealed record Outage(
    string OutageId,
    string CircuitId,
    string SubstationId,
    string DeviceId,
    string DeviceType,
    DateTimeOffset StartTime,
    DateTimeOffset? EndTime,
    string Status,
    string Cause,
    long CustomersAffected,
    long AffectedTransformers,
    DateTimeOffset? EstimatedRestoration,
    string? CrewId,
    bool IsMomentary,
    double Latitude,
    double Longitude)
{
    /// <summary>Its lifecycle stage, where the query read it (active outages); null for plain history rows.</summary>
    public OutageStage? Stage { get; init; }

    /// <summary>Who set its ETR, where the query read it; a crew-entered ETR is never overwritten by an estimate.</summary>
    public EtrSource? EtrSource { get; init; }

    /// <summary>Minutes from start to end, or to <paramref name="now"/> while the outage is active.</summary>
    public double DurationMinutes(DateTimeOffset now) => ((EndTime ?? now) - StartTime).TotalMinutes;
}
