namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>What a <see cref="Panel"/> shows of a load, whatever its key and value types.</summary>
public interface IPanelLoad
{
    /// <summary>Loading, ready, failed or stale.</summary>
    PanelState State { get; }

    /// <summary>Why the load failed, in the operator's words; null while it succeeds.</summary>
    string? Reason { get; }

    /// <summary>When the refresh of the value on screen first failed; null unless stale.</summary>
    DateTimeOffset? StaleSince { get; }
}
