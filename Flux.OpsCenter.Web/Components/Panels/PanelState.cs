namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>Where a panel's data stands: every panel shows each of these differently.</summary>
public enum PanelState
{
    /// <summary>The data for the current key is on its way; nothing of another key is shown meanwhile.</summary>
    Loading,

    /// <summary>Data is on screen and current.</summary>
    Ready,

    /// <summary>The load for the current key failed: nothing to show but the reason.</summary>
    Failed,

    /// <summary>A refresh of the same key failed: its last good data stays on screen, marked stale since the first failure.</summary>
    Stale,
}
