namespace Flux.OpsCenter.Data.Grid;

/// <summary>An operator's step in an outage's lifecycle.</summary>
public enum OutageAction
{
    Confirm,
    Dispatch,
    SetEtr,
    RestoreSection,
    Restore,
    Verify,
}
