using System.Globalization;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Warehouse cost at idle (issue #11): the web app in Snowflake mode with SPCS auth, against the tests' DuckDB-backed
/// SQL API fake on loopback, with 1 and then 50 Overviews open in Chromium. Counts the statements the fake receives
/// in a window with nothing changing, after every page has loaded, and prints them per minute and by query.
/// </summary>
internal static class StatementsBench
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var path = Path.GetFullPath(options.GetValueOrDefault("path", "bench/results/small.duckdb"));
        var web = Path.GetFullPath(options.GetValueOrDefault("web", WebAppProcess.DefaultWebDll));
        var window = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture));
        var pageCounts = options.GetValueOrDefault("pages", "1,50").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        var url = $"http://127.0.0.1:{options.GetValueOrDefault("port", "5198")}";
        if (!File.Exists(path))
        {
            GenerationBench.EnsureComplete(path, "small");
        }

        var working = Path.Combine(Path.GetTempPath(), $"flux-statements-bench-{Environment.ProcessId}.duckdb");
        var token = Path.Combine(Path.GetTempPath(), $"flux-statements-bench-{Environment.ProcessId}.token");
        File.Copy(path, working, overwrite: true);
        await File.WriteAllTextAsync(token, "bench-spcs-token");
        try
        {
            var api = new FakeSqlApi { Default = call => DuckDbBackedSqlApi.Answer(working, call) };
            await using var fake = await FakeSqlApiServer.StartAsync(api, CancellationToken.None);
            var settings = new Dictionary<string, string>
            {
                ["OpsCenter:Provider"] = "Snowflake",
                ["OpsCenter:Snowflake:Auth"] = "Spcs",
                ["OpsCenter:Snowflake:BaseUrl"] = fake.BaseUrl.ToString(),
                ["OpsCenter:Snowflake:SpcsTokenPath"] = token,
                ["OpsCenter:Snowflake:Database"] = "FLUX_OPS",
                ["OpsCenter:Snowflake:Warehouse"] = "FLUX_WH",
            };
            foreach (var (key, value) in options.Where(o => o.Key.StartsWith("OpsCenter:", StringComparison.Ordinal)))
            {
                settings[key] = value;
            }

            await using var server = await WebAppProcess.StartAsync(web, working, new Uri(url), settings, CancellationToken.None);
            var settled = await server.WaitUntilIdleAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
            Console.Error.WriteLine($"app ready; start-up work settled after {settled.TotalSeconds:0} s, {api.Submissions.Count} statements so far");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
            });

            var pages = new List<IBrowserContext>();
            var rows = new List<string>();
            foreach (var count in pageCounts)
            {
                while (pages.Count < count)
                {
                    pages.Add(await OpenOverviewAsync(browser, url));
                }

                // The pages' own first loads are over once the server is idle again; only then does the idle window start.
                await server.WaitUntilIdleAsync(TimeSpan.FromMinutes(5), CancellationToken.None);
                var before = api.Submissions.Count;
                await Task.Delay(window);
                var during = api.Submissions.Skip(before).ToList();
                var perMinute = during.Count * 60.0 / window.TotalSeconds;
                var byQuery = during.GroupBy(QueryTag).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
                rows.Add($"| {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC | {count} | {window.TotalSeconds:0} s | {during.Count} | **{perMinute:0.0}** | {string.Join(", ", byQuery)} |");
            }

            Console.WriteLine("| measured | Overviews open | idle window | statements | statements / min | by query (query_tag) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|");
            rows.ForEach(Console.WriteLine);
            foreach (var context in pages)
            {
                await context.CloseAsync();
            }
        }
        finally
        {
            File.Delete(working);
            File.Delete(token);
        }

        return 0;
    }

    private static string QueryTag(FakeSqlApiCall call) =>
        call.Json.TryGetProperty("parameters", out var parameters) && parameters.TryGetProperty("query_tag", out var tag)
            ? tag.GetString() ?? "?"
            : "?";

    private static async Task<IBrowserContext> OpenOverviewAsync(IBrowser browser, string url)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{url}/");
        await page.GetByTestId("kpi-total-customers-value").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        return context;
    }
}
