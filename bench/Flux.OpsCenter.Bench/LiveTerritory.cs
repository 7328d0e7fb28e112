namespace Flux.OpsCenter.Bench;

/// <summary>
/// A private copy of a territory file for a live benchmark, deleted when disposed: the benchmark writes faults and
/// restorations, and the shared file under bench/results stays as it was for the other benchmarks.
/// </summary>
internal sealed class LiveTerritory : IDisposable
{
    private LiveTerritory(string source, string path)
    {
        Name = System.IO.Path.GetFileNameWithoutExtension(source);
        Source = source;
        Path = path;
    }

    /// <summary>The territory's file name, e.g. houston.</summary>
    public string Name { get; }

    public string Source { get; }

    public string Path { get; }

    /// <summary>Copies <c>--path</c> (default bench/results/{preset}.duckdb, generated first when missing).</summary>
    public static LiveTerritory Prepare(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var source = System.IO.Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{preset}.duckdb"));
        if (!File.Exists(source))
        {
            GenerationBench.EnsureComplete(source, preset);
        }

        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"flux-live-bench-{Environment.ProcessId}.duckdb");
        File.Copy(source, copy, overwrite: true);
        if (File.Exists($"{source}.wal"))
        {
            File.Copy($"{source}.wal", $"{copy}.wal", overwrite: true);
        }

        return new LiveTerritory(source, copy);
    }

    public void Dispose()
    {
        File.Delete(Path);
        File.Delete($"{Path}.wal");
    }
}
