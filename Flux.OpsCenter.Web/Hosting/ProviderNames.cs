namespace Flux.OpsCenter.Web.Hosting;

/// <summary>The values <see cref="OpsCenterOptions.Provider"/> accepts.</summary>
public static class ProviderNames
{
    public const string Embedded = "Embedded";
    public const string Snowflake = "Snowflake";
}
