namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>Where a panel's data stands: every panel shows each of these differently.</summary>
public enum PanelState
{
    /// <summary>The first load is running.</summary>
    Loading,

    /// <summary>Data is on screen and current.</summary>
    Ready,

    /// <summary>The first load failed: nothing to show but the reason.</summary>
    Failed,

    /// <summary>A refresh failed: the last good data stays on screen, marked stale.</summary>
    Stale,
}
