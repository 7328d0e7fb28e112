using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Live status budgets of issue #5, end to end. The web app runs as its own process on a private copy of the territory
/// file (the changes are real writes) with the random simulator faults off; changes alternate a fault and its
/// restoration through the app's simulator API, a few hundred milliseconds apart at random so they land at every
/// phase of the monitor's 500 ms poll. <c>live-dom</c> times each change to its alarm appearing in an open Overview in
/// Chromium; <see cref="HubFanoutBench"/> times it to every one of many hub subscribers.
/// </summary>
internal static class LiveBench
{
    public static async Task<int> DomAsync(Dictionary<string, string> options)
    {
        var runs = int.Parse(options.GetValueOrDefault("runs", "30"), CultureInfo.InvariantCulture);
        var pollOnly = options.ContainsKey("poll-only");
        using var territory = LiveTerritory.Prepare(options);
        var loadBefore = LoadAverage();
        await using var app = await StartAppAsync(options, territory.Path, pollOnly, 5198);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());
        await page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        // The page notes the wall-clock time each alarm row first appears, so commit → shown is read on one clock, free of
        // Playwright's own polling and round trips.
        await page.EvaluateAsync("""
            () => {
                window.__fluxSeen = {};
                const note = () => {
                    for (const row of document.querySelectorAll('[data-alarm-id]')) {
                        const id = row.getAttribute('data-alarm-id');
                        for (const key of [id, id + '|' + row.getAttribute('data-alarm-state')]) {
                            if (!(key in window.__fluxSeen)) window.__fluxSeen[key] = Date.now();
                        }
                    }
                };
                note();
                new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-alarm-id', 'data-alarm-state'] });
            }
            """);

        var changes = new StatusChanges(http);
        var random = new Random(5);
        var total = new List<double>();
        var afterWrite = new List<double>();
        var afterCommit = new List<double>();
        var writes = new List<double>();
        var missing = 0;
        for (var i = -2; i < runs; i++)
        {
            await Task.Delay(300 + random.Next(1_000));
            var change = await changes.NextAsync(CancellationToken.None);
            try
            {
                await page.Locator(change.Selector).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                missing += i >= 0 ? 1 : 0;
                continue;
            }

            var seen = Stopwatch.GetTimestamp();
            if (i < 0)
            {
                // Two warm-up changes: JIT and first renders of the alarm list.
                continue;
            }

            total.Add(Stopwatch.GetElapsedTime(change.RequestedAt, seen).TotalMilliseconds);
            afterWrite.Add(Stopwatch.GetElapsedTime(change.AnsweredAt, seen).TotalMilliseconds);
            var shownAt = await page.EvaluateAsync<long>("id => window.__fluxSeen[id]", change.ShownKey);
            afterCommit.Add(shownAt - change.CommittedAtUnixMs);
            writes.Add(change.WriteMs);
        }

        Console.WriteLine($"territory {territory.Name} ({territory.Source}); {(pollOnly ? "poll only: the monitor finds each write on its 500 ms poll" : "simulator write path: the write nudges the monitor")}; " +
            $"load average {loadBefore} at start, {LoadAverage()} at end; {missing} of {runs} changes not seen within 10 s");
        Console.WriteLine($"| status change → alarm in the Overview DOM ({territory.Name}, {runs} changes, fault/restore alternating{(pollOnly ? ", poll only" : "")}) | median ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        Row("write committed → alarm row in DOM (server and browser wall clock, same machine)", afterCommit);
        Row("request sent → alarm in DOM (upper bound)", total);
        Row("write answered → alarm in DOM (lower bound)", afterWrite);
        Row("write request itself (HTTP + simulator SQL)", writes);
        return missing == 0 ? 0 : 1;
    }

    internal static async Task<WebAppProcess> StartAppAsync(Dictionary<string, string> options, string databasePath, bool pollOnly, int port)
    {
        var web = Path.GetFullPath(options.GetValueOrDefault("web", WebAppProcess.DefaultWebDll));
        var settings = new Dictionary<string, string>
        {
            ["OpsCenter:Simulator:ControlApi"] = "true",
            // Only the bench's changes: the simulator keeps stepping (crews, hourly load) but makes no faults of its own.
            ["OpsCenter:Simulator:FaultsPerHour"] = "0",
            // A stopped simulator no longer nudges the monitor, so each write is seen only by the 500 ms poll, as a write
            // by any other system (or in Snowflake) would be.
            ["OpsCenter:Simulator:Enabled"] = pollOnly ? "false" : "true",
        };
        var app = await WebAppProcess.StartAsync(web, databasePath, new Uri($"http://127.0.0.1:{port}"), settings, CancellationToken.None);
        var settled = await app.WaitUntilIdleAsync(TimeSpan.FromMinutes(3), CancellationToken.None);
        Console.Error.WriteLine($"app ready; its start-up background work settled after {settled.TotalSeconds:0} s");
        return app;
    }

    internal static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    internal static void Row(string name, List<double> samples)
    {
        if (samples.Count == 0)
        {
            Console.WriteLine($"| {name} | – | – | – |");
            return;
        }

        samples.Sort();
        Console.WriteLine($"| {name} | {BenchCommands.Percentile(samples, 0.5):0} | {BenchCommands.Percentile(samples, 0.95):0} | {samples[^1]:0} |");
    }
}
