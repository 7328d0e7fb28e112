namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Top-level settings bound from <c>OpsCenter</c>: which data source the app reads.</summary>
public sealed class OpsCenterOptions
{
    public const string SectionName = "OpsCenter";

    /// <summary><c>Embedded</c> (DuckDB file, the default) or <c>Snowflake</c> (SQL API v2).</summary>
    public string Provider { get; set; } = ProviderNames.Embedded;
}
