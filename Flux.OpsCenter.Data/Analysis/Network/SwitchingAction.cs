namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>What a switching step does to its device.</summary>
public enum SwitchingAction
{
    Open,
    Close,
}
