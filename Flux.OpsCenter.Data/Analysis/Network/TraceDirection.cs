namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>Which way a trace walks from its asset.</summary>
public enum TraceDirection
{
    /// <summary>To the substation bus that energises the asset, through every device on the way.</summary>
    Upstream,

    /// <summary>Everything the asset feeds under the current device states.</summary>
    Downstream,

    /// <summary>The nearest devices that, opened, isolate the section the asset is on.</summary>
    Isolation,
}
