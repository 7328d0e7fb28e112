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
    /// <summary>275 substations, ~3,000 feeders, ~92K transformers, ~62K poles, ~600K meters, ~690K customers.</summary>
    public static readonly TerritoryPreset Houston = new("houston", 275, 11, 32, 6.5, 0.62, 0.15, 2_000, 140, 3, 12, 42);

    /// <summary>A few substations around downtown for tests: generates in about a second.</summary>
    public static readonly TerritoryPreset Small = new("small", 6, 5, 10, 6.5, 0.67, 0.15, 40, 10, 6, 4, 9);

    /// <summary>Finds a preset by name, case-insensitively.</summary>
    public static TerritoryPreset Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "houston" => Houston,
        "small" => Small,
        _ => throw new ArgumentException($"Unknown territory preset '{name}'. Use 'houston' or 'small'.", nameof(name)),
    };
}
