namespace Flux.OpsCenter.Data.Grid;

/// <summary>An operator's request to move an outage along its lifecycle, with the arguments its action takes.</summary>
public sealed record OutageCommand(OutageAction Action, string OutageId)
{
    /// <summary>The crew to send (<see cref="OutageAction.Dispatch"/>).</summary>
    public string? CrewId { get; init; }

    /// <summary>The estimated time of restoration (<see cref="OutageAction.SetEtr"/>).</summary>
    public DateTimeOffset? Etr { get; init; }

    /// <summary>Who the ETR comes from (<see cref="OutageAction.SetEtr"/>).</summary>
    public EtrSource EtrSource { get; init; } = EtrSource.Crew;

    /// <summary>The section (transformer) restored (<see cref="OutageAction.RestoreSection"/>).</summary>
    public string? TransformerId { get; init; }

    /// <summary>Optional note kept with the transition in the audit trail.</summary>
    public string? Comment { get; init; }
}
