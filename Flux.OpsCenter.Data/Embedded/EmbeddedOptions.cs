namespace Flux.OpsCenter.Data.Embedded;

/// <summary>Settings of the embedded DuckDB database, bound from <c>OpsCenter:Embedded</c>.</summary>
public sealed class EmbeddedOptions
{
    public const string SectionName = "OpsCenter:Embedded";

    /// <summary>Path of the DuckDB file; relative paths resolve against the app's content root.</summary>
    public string DatabasePath { get; set; } = "data/flux-opscenter.duckdb";

    /// <summary>Territory preset to generate when the file does not exist: <c>houston</c> or <c>small</c>.</summary>
    public string Preset { get; set; } = "houston";

    /// <summary>Seed of the territory generator; the same seed and preset give the same territory.</summary>
    public int Seed { get; set; } = 20240708;

    /// <summary>Delete and regenerate the file on start (the switch named in every "rebuild" message).</summary>
    public bool Rebuild { get; set; }

    /// <summary>Optional fixed "now" of generated data (UTC); empty means the current hour at generation.</summary>
    public DateTimeOffset? AsOf { get; set; }
}
