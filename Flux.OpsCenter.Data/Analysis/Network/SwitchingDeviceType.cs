namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>The kinds of switching device the connectivity model knows.</summary>
public enum SwitchingDeviceType
{
    Breaker,
    Recloser,
    Sectionalizer,
    Fuse,
    Tie,
}
