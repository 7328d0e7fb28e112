namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>Where a panel's data stands.</summary>
public enum PanelState
{
    /// <summary>The first load has not finished.</summary>
    Loading,

    /// <summary>Showing current data.</summary>
    Ready,

    /// <summary>The load failed and there is nothing to show.</summary>
    Failed,

    /// <summary>A reload failed; the last good data stays on screen, marked stale.</summary>
    Stale,
}
