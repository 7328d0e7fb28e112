using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Issue #2's start budgets through the real app: a first start on a missing file (generation with progress, then /readyz
/// and an Overview with KPIs), then repeated second starts on the kept file, each stopped with SIGTERM as an operator's
/// Ctrl+C would. The clock runs from launching the process to /readyz answering (the KPI view queried).
/// </summary>
internal static partial class StartupBench
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var web = Path.GetFullPath(options.GetValueOrDefault("web", WebAppProcess.DefaultWebDll));
        var runs = int.Parse(options.GetValueOrDefault("runs", "10"), CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("flux-startup-").FullName;
        var path = Path.Combine(folder, $"{preset}.duckdb");
        // --path: second starts only, on a copy of an existing file (a houston-full first start is timed by generate).
        var existing = options.GetValueOrDefault("path");
        if (existing is not null)
        {
            File.Copy(Path.GetFullPath(existing), path);
        }

        var url = new Uri("http://127.0.0.1:5198");
        var settings = new Dictionary<string, string> { ["OpsCenter:Embedded:Preset"] = preset };
        try
        {
            var clock = Stopwatch.StartNew();
            if (existing is null)
            {
                await FirstStartAsync(web, path, url, settings, preset, clock);
            }

            var seconds = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                clock.Restart();
                await using var again = await WebAppProcess.StartAsync(web, path, url, settings, CancellationToken.None, TimeSpan.FromMinutes(1));
                seconds.Add(clock.Elapsed.TotalSeconds);
                await again.StopGracefullyAsync();
            }

            seconds.Sort();
            Console.WriteLine($"| second start ({preset}, kept file, {runs} runs) | median {BenchCommands.Percentile(seconds, 0.5):0.00} s | p95 {BenchCommands.Percentile(seconds, 0.95):0.00} s | max {seconds[^1]:0.00} s |");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task FirstStartAsync(string web, string path, Uri url, Dictionary<string, string> settings, string preset, Stopwatch clock)
    {
        await using (var first = await WebAppProcess.StartAsync(web, path, url, settings, CancellationToken.None, TimeSpan.FromMinutes(5)))
        {
            var ready = clock.Elapsed.TotalSeconds;
            var (kpis, overview) = await OverviewKpisAsync(url);
            // Every page, served while the history is still being filled: each must answer 200 with its content.
            Console.WriteLine($"| every page right after ready | {await EveryPageAsync(url)} |");
            // A first run is left to finish its background work (grid graph, centrality, precomputed scenarios, GCN)
            // before the operator stops it, as a real one would be.
            var settled = await first.WaitUntilIdleAsync(TimeSpan.FromMinutes(10), CancellationToken.None);
            Console.WriteLine($"| first start ({preset}, no file) | ready {ready:0.0} s | Overview with {kpis} KPI values {overview:0.0} s later | background work done {ready + overview + settled.TotalSeconds:0} s after launch | file {new FileInfo(path).Length / 1048576.0:0} MiB |");
            await first.StopGracefullyAsync();
        }
    }

    /// <summary>Fetches every page of the console once (a feeder and a substation of the preset for the detail pages).</summary>
    private static async Task<string> EveryPageAsync(Uri url)
    {
        // Every preset numbers its first substation and feeder the same way.
        string[] pages = ["/", "/map", "/wall", "/feeders", "/feeders/FDR-001-01", "/substations", "/substations/SUB-001", "/outages", "/work-orders", "/reliability", "/cascade"];
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            var started = clock.Elapsed;
            string result;
            try
            {
                using var response = await client.GetAsync(page);
                result = $"{page} {(int)response.StatusCode} {(clock.Elapsed - started).TotalSeconds:0.00} s";
            }
            catch (TaskCanceledException)
            {
                result = $"{page} no answer in {client.Timeout.TotalSeconds:0} s";
            }

            Console.Error.WriteLine($"  page {result}");
            results.Add(result);
        }

        return string.Join(", ", results);
    }

    /// <summary>Fetches the prerendered Overview and counts the KPI values it shows.</summary>
    private static async Task<(int Values, double Seconds)> OverviewKpisAsync(Uri url)
    {
        var clock = Stopwatch.StartNew();
        using var client = new HttpClient();
        var html = await client.GetStringAsync(url);
        return (KpiValue().Count(html), clock.Elapsed.TotalSeconds);
    }

    [GeneratedRegex("data-testid=\"kpi-[a-z0-9-]+-value\"")]
    private static partial Regex KpiValue();
}
