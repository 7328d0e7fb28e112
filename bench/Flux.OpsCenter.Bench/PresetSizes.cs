using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Lays out each preset's network in memory (no file) and prints its substations, feeders and transformers, and the meters
/// they imply at the generator's meters per transformer, so a preset's declared size can be checked in seconds.
/// </summary>
internal static class PresetSizes
{
    public static int Run()
    {
        Console.WriteLine("| preset | substations | feeders | transformers | meters expected |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var preset in new[] { TerritoryPreset.Small, TerritoryPreset.Houston, TerritoryPreset.HoustonFull })
        {
            var model = new NetworkBuilder(preset, new Random(20240708)).BuildNetwork(2026);
            // The generator draws 4–11 meters for a residential transformer, 1–4 commercial, 1–2 industrial.
            var meters = model.Transformers.Sum(t => t.CustomerClass switch { "COMMERCIAL" => 2.5, "INDUSTRIAL" => 1.5, _ => 7.5 });
            Console.WriteLine($"| {preset.Name} | {model.Substations.Count:N0} | {model.Feeders.Count:N0} | {model.Transformers.Count:N0} | {meters:N0} |");
        }

        return 0;
    }
}
