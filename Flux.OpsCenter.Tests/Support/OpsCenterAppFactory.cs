using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>The app on a private copy of the small territory, hosted in memory (TestServer).</summary>
public class OpsCenterAppFactory : WebApplicationFactory<Program>
{
    public OpsCenterAppFactory()
        : this(TestTerritory.CreateCopy())
    {
    }

    /// <summary>The app on an existing database file, e.g. to restart on the file a previous instance wrote.</summary>
    internal OpsCenterAppFactory(string databasePath)
    {
        DatabasePath = databasePath;
    }

    /// <summary>The DuckDB file this instance of the app reads.</summary>
    public string DatabasePath { get; }

    /// <summary>Extra settings a test wants, applied after the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("OpsCenter:Provider", "Embedded");
        builder.UseSetting("OpsCenter:Embedded:DatabasePath", DatabasePath);
        builder.UseSetting("OpsCenter:Embedded:Preset", "small");
        builder.UseSetting("OpsCenter:Embedded:Seed", TestTerritory.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Tests compare pages with independent queries: nothing may change the data unless a test asks for it.
        builder.UseSetting("OpsCenter:Simulator:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
