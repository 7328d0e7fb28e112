namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>How big a territory to generate. <see cref="Houston"/> is the reference service territory.</summary>
public sealed record TerritoryPreset(
    string Name,
    int Substations,
    int FeedersPerSubstation,
    int TransformersPerFeeder,
    double MetersPerTransformer,
    double OverheadShare,
    double ExtraCustomersPerMeter,
    int AmiSampleMeters,
    int Crews,
    int TreesPerKilometre,
    int ActiveOutages,
    double MetroRadiusKm)
{
    /// <summary>
    /// 80 substations, ~580 feeders of ~1,200 customers (hundreds to ~3,000, as real 12.47 kV feeders carry), ~103K
    /// transformers, ~690K meters, ~780K customers (docs/territory.md).
    /// </summary>
    public static readonly TerritoryPreset Houston = new("houston", 80, 7, 165, 6.5, 0.62, 0.15, 2_000, 140, 3, 12, 42);

    /// <summary>
    /// The real utility's size (CenterPoint Houston Electric: ~2.8M meters): 300 substations over a 64 km metro radius
    /// (~5,000 square miles), ~2,500 feeders of the same ~1,200 customers, ~412K transformers, ~2.8M meters. Not the
    /// default; bench/ measures how each cost grows from <see cref="Houston"/> to this (docs/benchmarks.md).
    /// </summary>
    public static readonly TerritoryPreset HoustonFull = new("houston-full", 300, 8, 165, 6.5, 0.62, 0.15, 8_000, 480, 3, 40, 64);

    /// <summary>A few substations around downtown for tests: ~30 feeders of a few hundred customers, generates in seconds.</summary>
    public static readonly TerritoryPreset Small = new("small", 6, 4, 28, 6.5, 0.67, 0.15, 40, 10, 6, 4, 9);

    /// <summary>Finds a preset by name, case-insensitively.</summary>
    public static TerritoryPreset Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "houston" => Houston,
        "houston-full" => HoustonFull,
        "small" => Small,
        _ => throw new ArgumentException($"Unknown territory preset '{name}'. Use 'houston', 'houston-full' or 'small'.", nameof(name)),
    };
}
