using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Dashboard budgets (DESIGN.md §9) measured end to end: the web app runs as its own process on the territory file,
/// Debian's Chromium opens the Overview. First paint is navigation to KPI tiles and the map drawn, with the server
/// warm and a fresh browser context each run; memory per circuit is the server's RSS growth with many Overviews open.
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var path = Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{preset}.duckdb"));
        var web = Path.GetFullPath(options.GetValueOrDefault("web", "Flux.OpsCenter.Web/bin/Release/net10.0/linux-x64/Flux.OpsCenter.Web.dll"));
        var runs = int.Parse(options.GetValueOrDefault("runs", "10"), CultureInfo.InvariantCulture);
        var circuits = int.Parse(options.GetValueOrDefault("circuits", "30"), CultureInfo.InvariantCulture);
        const string url = "http://127.0.0.1:5197";
        using var server = StartServer(web, path, url, options.ContainsKey("workstation-gc"));
        try
        {
            await WaitUntilReadyAsync(url);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
            });

            // Warm-up: the first Overview waits for the spatial index and JIT.
            await OpenOverviewAsync(browser, url, close: true);
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

            // Two batches: the first also pays one-off costs (thread pool growth, pools, caches); the second is the marginal cost.
            var pages = new List<IBrowserContext>();
            await Task.Delay(2_000);
            var rss = new List<double> { ResidentMegabytes(server) };
            for (var batch = 0; batch < 2; batch++)
            {
                for (var i = 0; i < circuits; i++)
                {
                    pages.Add((await OpenOverviewAsync(browser, url, close: false)).Context!);
                }

                await Task.Delay(3_000);
                rss.Add(ResidentMegabytes(server));
            }

            Console.WriteLine();
            Console.WriteLine($"| open Overview circuits ({preset}, {(options.ContainsKey("workstation-gc") ? "workstation" : "server")} GC) | server RSS MB | per circuit KB (batch) |");
            Console.WriteLine("|---|---:|---:|");
            Console.WriteLine($"| 0 | {rss[0]:0} | |");
            Console.WriteLine($"| {circuits} | {rss[1]:0} | {(rss[1] - rss[0]) * 1024 / circuits:0} |");
            Console.WriteLine($"| {circuits * 2} | {rss[2]:0} | {(rss[2] - rss[1]) * 1024 / circuits:0} (marginal) |");
            foreach (var context in pages)
            {
                await context.CloseAsync();
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        return 0;
    }

    private static Process StartServer(string web, string databasePath, string url, bool workstationGc)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(web);
        start.ArgumentList.Add($"--urls={url}");
        start.ArgumentList.Add($"--OpsCenter:Embedded:DatabasePath={databasePath}");
        start.ArgumentList.Add("--OpsCenter:Map:TileUrl=none");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        // The build output serves package assets only in Development (a published app serves them in any environment).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.WorkingDirectory = Path.GetDirectoryName(web)!;
        if (workstationGc)
        {
            start.Environment["DOTNET_gcServer"] = "0";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"[web] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(string url)
    {
        using var client = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                if ((await client.GetAsync(new Uri($"{url}/readyz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The web app did not become ready within 3 minutes.");
    }

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

    private static double ResidentMegabytes(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
