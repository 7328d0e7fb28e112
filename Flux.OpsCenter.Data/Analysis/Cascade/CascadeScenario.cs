namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>A named stress scenario: ambient temperature, demand multiplier and the stress threshold above which equipment may fail.</summary>
public sealed record CascadeScenario(
    string Key,
    string Name,
    string Description,
    string HistoricalReference,
    double TemperatureC,
    double LoadMultiplier,
    double FailureThreshold)
{
    /// <summary>The four presets, with the values the original API served (reference §4.2, first row).</summary>
    public static IReadOnlyList<CascadeScenario> Presets { get; } =
    [
        new("WINTER_STORM_URI", "Winter Storm Uri", "Extreme cold drives heating demand far above design peak.",
            "February 2021: about 4.5 million Texas customers without power.", -10, 1.6, 0.5),
        new("SUMMER_PEAK", "Summer Peak", "Heat wave: air-conditioning peak while heat derates transformer capacity.",
            "July 2023 ERCOT heat wave and record demand.", 40, 1.4, 0.6),
        new("HURRICANE_SEASON", "Hurricane Season", "Storm damage lowers the stress equipment tolerates.",
            "Hurricane Harvey, August 2017.", 30, 1.2, 0.55),
        new("NORMAL_OPERATIONS", "Normal Operations", "A typical day: demand at the reference peak, mild weather.",
            "Baseline.", 25, 1.0, 0.8),
    ];

    /// <summary>Finds a preset by key or name, case-insensitively.</summary>
    public static CascadeScenario? Find(string? keyOrName) => Presets.FirstOrDefault(p =>
        string.Equals(p.Key, keyOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, keyOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The parameters of this preset with a seed.</summary>
    public CascadeParameters Parameters(int seed = CascadeParameters.DefaultSeed) => new(TemperatureC, LoadMultiplier, FailureThreshold, seed);
}
