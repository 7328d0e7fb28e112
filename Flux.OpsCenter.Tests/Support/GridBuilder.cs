using Flux.OpsCenter.Data.Analysis.Graph;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// Synthetic grids for the cascade engine: substations on a ring of transmission lines, feeders with transformers and meters,
/// and a normally-open tie from each feeder to the same-numbered feeder of the next substation. Loads are design-peak loading
/// fractions drawn from a seeded generator, so tests can ask for stressed or relaxed grids.
/// </summary>
internal sealed class GridBuilder
{
    private readonly List<GridNodeRow> _nodes = [];
    private readonly List<GridEdgeRow> _edges = [];

    public static GridGraph Ring(int substations = 8, int feeders = 4, int transformers = 5, int meters = 3,
        double substationLoading = 0.7, double feederLoading = 0.6, int seed = 7, bool ties = true)
    {
        var b = new GridBuilder();
        var random = new Random(seed);
        for (var s = 0; s < substations; s++)
        {
            var sub = $"SUB-{s:000}";
            var feederKw = 4_000.0;
            var subCapacity = feeders * feederKw * feederLoading * 0.9 / Jitter(random, substationLoading);
            b.Node(sub, GridNodeType.Substation, null, subCapacity, Jitter(random, substationLoading), 0, 29.7 + (0.02 * s), -95.4);
            for (var f = 0; f < feeders; f++)
            {
                var feeder = $"FDR-{s:000}-{f:00}";
                var loading = Jitter(random, feederLoading);
                b.Node(feeder, GridNodeType.Feeder, sub, feederKw, loading, 0, 29.7 + (0.02 * s), -95.39 + (0.002 * f));
                b.Edge(sub, feeder, GridEdgeType.Feeder);
                var transformerKw = feederKw * loading / transformers;
                for (var t = 0; t < transformers; t++)
                {
                    var tx = $"TX-{s:000}-{f:00}-{t:00}";
                    b.Node(tx, GridNodeType.Transformer, feeder, transformerKw * 1.5, 1 / 1.5, 0, 29.7, -95.3);
                    b.Edge(feeder, tx, GridEdgeType.Distribution);
                    for (var m = 0; m < meters; m++)
                    {
                        var meter = $"MTR-{s:000}-{f:00}-{t:00}-{m}";
                        b.Node(meter, GridNodeType.Meter, tx, 20, 0.5, 1 + (m % 2), 29.7, -95.3);
                        b.Edge(tx, meter, GridEdgeType.Service);
                    }
                }
            }
        }

        for (var s = 0; s < substations && substations > 1; s++)
        {
            var next = (s + 1) % substations;
            if (substations > 2 || s == 0)
            {
                b.Edge($"SUB-{s:000}", $"SUB-{next:000}", GridEdgeType.Transmission);
            }

            for (var f = 0; f < feeders && ties && (substations > 2 || s == 0); f++)
            {
                b.Edge($"FDR-{s:000}-{f:00}", $"FDR-{next:000}-{f:00}", GridEdgeType.Tie, open: true);
            }
        }

        return b.Build();
    }

    public GridBuilder Node(string id, GridNodeType type, string? parent, double capacityKw, double loadFactor, int customers, double lat = 29.7, double lon = -95.4)
    {
        _nodes.Add(new GridNodeRow(id, type, id, parent, null, null, lat, lon, 12.47, capacityKw, loadFactor, 10, 80, 0.5, customers));
        return this;
    }

    public GridBuilder Edge(string from, string to, GridEdgeType type, bool open = false)
    {
        _edges.Add(new GridEdgeRow(from, to, type, 1.0, open));
        return this;
    }

    public GridGraph Build() => GridGraph.Build(_nodes, _edges);

    private static double Jitter(Random random, double around) => around * (0.85 + (0.3 * random.NextDouble()));
}
