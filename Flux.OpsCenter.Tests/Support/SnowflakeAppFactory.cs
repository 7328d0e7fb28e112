using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// The app with Provider=Snowflake and Auth=Spcs, its endpoint pointed at a <see cref="FakeSqlApiServer"/> on loopback:
/// the real HttpClient pipeline talks real HTTP to the fake.
/// </summary>
internal sealed class SnowflakeAppFactory(Uri baseUrl) : WebApplicationFactory<Program>
{
    public string TokenPath { get; } = CreateTokenFile();

    /// <summary>Extra settings a test wants, applied after the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("OpsCenter:Provider", "Snowflake");
        builder.UseSetting("OpsCenter:Snowflake:Auth", "Spcs");
        builder.UseSetting("OpsCenter:Snowflake:BaseUrl", baseUrl.ToString());
        builder.UseSetting("OpsCenter:Snowflake:SpcsTokenPath", TokenPath);
        builder.UseSetting("OpsCenter:Snowflake:Database", "FLUX_OPS");
        builder.UseSetting("OpsCenter:Snowflake:Warehouse", "FLUX_WH");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static string CreateTokenFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flux-spcs-app-").FullName, "token");
        File.WriteAllText(path, "spcs-session-token");
        return path;
    }
}
