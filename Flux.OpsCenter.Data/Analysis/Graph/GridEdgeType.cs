namespace Flux.OpsCenter.Data.Analysis.Graph;

/// <summary>What a link of the grid graph is: transmission between substations, a radial feeder link, or a normally-open tie.</summary>
public enum GridEdgeType
{
    Transmission = 0,
    Feeder = 1,
    Distribution = 2,
    Service = 3,
    Tie = 4,
}
