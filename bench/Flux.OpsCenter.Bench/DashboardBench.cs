using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Dashboard budgets (DESIGN.md §9) measured end to end: the web app runs as its own process on the territory file,
/// Debian's Chromium opens the Overview. First paint is navigation to KPI tiles and the map drawn, with the server
/// warm and a fresh browser context each run; memory per circuit is the growth of the server's managed heap (after a
/// compacting full GC, from <c>/api/diagnostics/memory</c>) and of its RSS with batches of live Overviews open.
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var path = Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{preset}.duckdb"));
        var web = Path.GetFullPath(options.GetValueOrDefault("web", WebAppProcess.DefaultWebDll));
        var runs = int.Parse(options.GetValueOrDefault("runs", "10"), CultureInfo.InvariantCulture);
        var circuits = int.Parse(options.GetValueOrDefault("circuits", "40"), CultureInfo.InvariantCulture);
        var batches = int.Parse(options.GetValueOrDefault("batches", "2"), CultureInfo.InvariantCulture);
        // Another bench may be running on the shared machine: --port moves this one's server.
        var url = $"http://127.0.0.1:{options.GetValueOrDefault("port", "5197")}";
        // The simulator writes outages into the file: the app gets a copy, the original stays as generated.
        var working = Path.Combine(Path.GetTempPath(), $"flux-dashboard-bench-{Environment.ProcessId}.duckdb");
        File.Copy(path, working, overwrite: true);
        try
        {
            // The bench makes its own status changes through the simulator API, so every open page has re-rendered its live
            // panels (and grown their second render buffers) before memory is read: a wall display's steady state.
            var settings = new Dictionary<string, string> { ["OpsCenter:Simulator:ControlApi"] = "true" };
            await using var server = await WebAppProcess.StartAsync(web, working, new Uri(url), settings, CancellationToken.None,
                environment: options.ContainsKey("workstation-gc") ? new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" } : null);
            // A file without precomputed scenarios has the app computing them (and holding the training's memory) at first
            // start; figures taken meanwhile would measure that work, not the pages.
            var settled = await server.WaitUntilIdleAsync(TimeSpan.FromMinutes(10), CancellationToken.None);
            Console.Error.WriteLine($"app ready; its start-up background work settled after {settled.TotalSeconds:0} s");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
            });

            // Warm-up: the first Overview waits for the spatial index and JIT.
            await OpenOverviewAsync(browser, url, close: true);
            if (runs > 0)
            {
                await FirstPaintAsync(browser, url, preset, runs);
            }

            var changes = int.Parse(options.GetValueOrDefault("changes", "6"), CultureInfo.InvariantCulture);
            await MemoryPerCircuitAsync(browser, url, server, options.ContainsKey("workstation-gc") ? "workstation" : "server", circuits, batches, changes,
                TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("hold-seconds", "0"), CultureInfo.InvariantCulture)));
        }
        finally
        {
            File.Delete(working);
            File.Delete(working + ".wal");
        }

        return 0;
    }

    private static async Task FirstPaintAsync(IBrowser browser, string url, string preset, int runs)
    {
        var kpis = new List<double>();
        var maps = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (kpi, map, _) = await OpenOverviewAsync(browser, url, close: true);
            kpis.Add(kpi);
            maps.Add(map);
        }

        kpis.Sort();
        maps.Sort();
        Console.WriteLine($"| Overview first paint ({preset}, {runs} runs, warm server, fresh browser context) | median ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| KPI tiles visible | {BenchCommands.Percentile(kpis, 0.5):0} | {BenchCommands.Percentile(kpis, 0.95):0} | {kpis[^1]:0} |");
        Console.WriteLine($"| KPI tiles + map drawn (data-state=ready) | {BenchCommands.Percentile(maps, 0.5):0} | {BenchCommands.Percentile(maps, 0.95):0} | {maps[^1]:0} |");
        Console.WriteLine();
    }

    /// <summary>
    /// Opens batches of Overviews, each in its own browser context (its own circuit), waits until each shows its KPI
    /// tiles and drawn map, then asks the server for its memory after a compacting full GC. Every page stays open and
    /// live (subscribed to the status feed, which the simulator keeps moving) while the later batches are measured.
    /// </summary>
    private static async Task MemoryPerCircuitAsync(IBrowser browser, string url, WebAppProcess server, string gcMode, int circuits, int batches, int changes, TimeSpan hold)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var statusChanges = new StatusChanges(client);
        var pages = new List<IBrowserContext>();
        await Task.Delay(2_000);
        var before = await MeasureAsync(client, server);
        var rows = new List<string>();
        var previous = before;
        for (var batch = 1; batch <= batches; batch++)
        {
            for (var i = 0; i < circuits; i++)
            {
                pages.Add((await OpenOverviewAsync(browser, url, close: false)).Context!);
            }

            // Faults and restorations while every page is open, then time for each to render them and reload its map view.
            for (var i = 0; i < changes; i++)
            {
                await statusChanges.NextAsync(CancellationToken.None);
                await Task.Delay(1_500);
            }

            await Task.Delay(3_000);
            var now = await MeasureAsync(client, server);
            var opened = circuits * batch;
            rows.Add($"| {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC | {LoadAverage()} | {gcMode} | {opened - circuits} → {opened} "
                + $"| {now.OpenCircuits} / {now.LiveSubscribers} | {now.LiveSequence - previous.LiveSequence} "
                + $"| {Megabytes(previous.ManagedBytes):0.0} → {Megabytes(now.ManagedBytes):0.0} | **{Kilobytes(now.ManagedBytes - previous.ManagedBytes) / circuits:0}** "
                + $"| {previous.RssMegabytes:0} → {now.RssMegabytes:0} | {(now.RssMegabytes - previous.RssMegabytes) * 1024 / circuits:0} |");
            previous = now;
        }

        var all = circuits * batches;
        rows.Add($"| {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC | {LoadAverage()} | {gcMode} | 0 → {all} (all) | {previous.OpenCircuits} / {previous.LiveSubscribers} "
            + $"| {previous.LiveSequence - before.LiveSequence} | {Megabytes(before.ManagedBytes):0.0} → {Megabytes(previous.ManagedBytes):0.0} "
            + $"| **{Kilobytes(previous.ManagedBytes - before.ManagedBytes) / all:0}** | {before.RssMegabytes:0} → {previous.RssMegabytes:0} "
            + $"| {(previous.RssMegabytes - before.RssMegabytes) * 1024 / all:0} |");
        Console.WriteLine("| measured | load average (1/5/15 min) | GC | Overviews open | server: circuits / live subscribers | deltas while open | managed heap MB (after compacting GC) | managed KB per circuit | RSS MB | RSS KB per circuit |");
        Console.WriteLine("|---|---|---|---|---|---:|---|---:|---|---:|");
        rows.ForEach(Console.WriteLine);
        if (hold > TimeSpan.Zero)
        {
            // Time to look inside while every page is open, e.g. dotnet-gcdump collect -p <pid>.
            Console.Error.WriteLine($"Holding {pages.Count} open Overviews for {hold.TotalSeconds:0} s; server process id {server.ProcessId}");
            await Task.Delay(hold);
        }

        foreach (var context in pages)
        {
            await context.CloseAsync();
        }
    }

    private sealed record ServerMemory(long ManagedBytes, double RssMegabytes, int OpenCircuits, int LiveSubscribers, long LiveSequence);

    private static async Task<ServerMemory> MeasureAsync(HttpClient client, WebAppProcess server)
    {
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/api/diagnostics/memory?compact=true", UriKind.Relative));
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(1_000);
                continue;
            }

            response.EnsureSuccessStatusCode();
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            return new ServerMemory(
                root.GetProperty("managedBytes").GetInt64(),
                server.ResidentMegabytes(),
                root.GetProperty("openCircuits").GetInt32(),
                root.GetProperty("liveSubscribers").GetInt32(),
                root.GetProperty("liveSequence").GetInt64());
        }
    }

    private static double Megabytes(long bytes) => bytes / 1024.0 / 1024.0;

    private static double Kilobytes(long bytes) => bytes / 1024.0;

    private static string LoadAverage() => string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static async Task<(double KpiMs, double MapMs, IBrowserContext? Context)> OpenOverviewAsync(IBrowser browser, string url, bool close)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var page = await context.NewPageAsync();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"{url}/");
        await page.GetByTestId("kpi-total-customers-value").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var kpi = clock.Elapsed.TotalMilliseconds;
        await page.Locator("[data-testid=grid-map][data-state=ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var map = clock.Elapsed.TotalMilliseconds;
        if (close)
        {
            await context.CloseAsync();
            return (kpi, map, null);
        }

        return (kpi, map, context);
    }
}
