using Flux.OpsCenter.Data.Analysis;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// One generated <c>small</c> territory per test run, with a fixed seed and "now", copied per consumer so
/// tests that write never disturb each other.
/// </summary>
internal static class TestTerritory
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    public const int Seed = 1366;

    private const string RunFolderPrefix = "flux-test-run-";
    private const string OwnerFile = "owner.pid";

    private static readonly Lazy<string> RunFolder = new(CreateRunFolder, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shared read-only template file; do not open it for writing.</summary>
    public static string TemplatePath => Template.Value;

    /// <summary>A private copy of the small territory in a new temporary folder.</summary>
    public static string CreateCopy()
    {
        var folder = Directory.CreateDirectory(Path.Combine(RunFolder.Value, $"copy-{Guid.NewGuid():N}")).FullName;
        var path = Path.Combine(folder, "small.duckdb");
        File.Copy(TemplatePath, path);
        return path;
    }

    public static EmbeddedOptions Options(string path) => new()
    {
        DatabasePath = path,
        Preset = "small",
        Seed = Seed,
        AsOf = AsOf,
    };

    /// <summary>Generates a territory and fills its telemetry history, as the app's first start does in the background.</summary>
    public static void CreateComplete(string path, EmbeddedOptions options)
    {
        EmbeddedDatabase.EnsureCreated(path, options, progress: null);
        using var source = new DuckDbSource(path);
        using var connection = source.OpenConnection();
        TelemetryHistoryFiller.FillPending(connection, progress: null, CancellationToken.None);
    }

    private static string CreateTemplate()
    {
        var folder = Directory.CreateDirectory(Path.Combine(RunFolder.Value, "template")).FullName;
        var path = Path.Combine(folder, "small.duckdb");
        CreateComplete(path, Options(path));
        // What the app's background work does at first start, so every copy already holds the grid graph, scenarios and GCN predictions.
        using (var source = new DuckDbSource(path))
        {
            new CascadeService(source, TimeProvider.System, new EmbeddedGridGraphPreparer(() => source)).EnsurePrecomputedAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return path;
    }

    /// <summary>
    /// Every copy of a run lives in one folder that goes when the test process exits: hundreds of copies per run filled
    /// the disk of a machine that runs the suite all day. Folders of runs that died without exiting are removed next time.
    /// </summary>
    private static string CreateRunFolder()
    {
        RemoveFoldersOfEndedRuns();
        var folder = Directory.CreateTempSubdirectory(RunFolderPrefix).FullName;
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    }

    private static void RemoveFoldersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), RunFolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && !IsRunning(pid))
            {
                TryDelete(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a folder left behind is removed by the next run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
