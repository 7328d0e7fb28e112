using System.Diagnostics;
using System.Globalization;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Issue #15's overload budgets through the real app on a copy of a territory: <c>idle</c> reads the server's CPU time
/// from <c>/proc/&lt;pid&gt;/stat</c> over a window with no page open; <c>overload</c> runs many concurrent clients on
/// <c>/api/kpis</c> for a while and, on a separate connection at the same time, probes <c>/healthz</c> ten times a second.
/// </summary>
internal static class OverloadBench
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<int> IdleAsync(Dictionary<string, string> options)
    {
        var seconds = int.Parse(options.GetValueOrDefault("seconds", "30"), CultureInfo.InvariantCulture);
        using var territory = LiveTerritory.Prepare(options);
        var loadBefore = LiveBench.LoadAverage();
        await using var app = await StartAsync(options, territory.Path);
        var ticksPerSecond = ClockTicksPerSecond();
        var before = CpuTicks(app.ProcessId);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var used = (CpuTicks(app.ProcessId) - before) / (double)ticksPerSecond;
        var share = used / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"| idle, no page open ({territory.Name}, {clock.Elapsed.TotalSeconds:0} s, load average {loadBefore}) | CPU {used:0.00} s | **{share:P1} of one core** |");
        return 0;
    }

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var clients = int.Parse(options.GetValueOrDefault("clients", "200"), CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("seconds", "30"), CultureInfo.InvariantCulture));
        var target = options.GetValueOrDefault("target", "/api/kpis");
        using var territory = LiveTerritory.Prepare(options);
        var loadBefore = LiveBench.LoadAverage();
        await using var app = await StartAsync(options, territory.Path);

        // Separate pools, so the probe never queues behind a load connection on the client side.
        using var load = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var probe = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        (await load.GetAsync(new Uri(target, UriKind.Relative))).EnsureSuccessStatusCode();

        using var stop = new CancellationTokenSource(duration);
        var latencies = new List<double>[clients];
        var statuses = new Dictionary<int, int>[clients];
        var errors = 0;
        var probes = new List<double>();
        var probeFailures = 0;
        var cpuBefore = CpuTicks(app.ProcessId);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async i =>
        {
            latencies[i] = [];
            statuses[i] = [];
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await load.GetAsync(new Uri(target, UriKind.Relative), HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                    latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    statuses[i][(int)response.StatusCode] = statuses[i].GetValueOrDefault((int)response.StatusCode) + 1;
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToList();
        var prober = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await probe.GetAsync(new Uri("/healthz", UriKind.Relative), CancellationToken.None);
                    if (response.IsSuccessStatusCode)
                    {
                        probes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        probeFailures++;
                    }
                }
                catch (HttpRequestException)
                {
                    probeFailures++;
                }

                var wait = ProbeInterval - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, CancellationToken.None);
                }
            }
        });
        await Task.WhenAll(workers);
        await prober;
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = (CpuTicks(app.ProcessId) - cpuBefore) / (double)ClockTicksPerSecond();

        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        probes.Sort();
        var codes = statuses.SelectMany(s => s).GroupBy(s => s.Key).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Sum(s => s.Value)}");
        Console.WriteLine($"| {clients} clients on {target} ({territory.Name}, {elapsed:0} s, load average {loadBefore}) | {all.Count / elapsed:0} rps, " +
            $"{string.Join(" ", codes)}, {errors} errors | median {P(all, 0.5):0.0} ms, p95 {P(all, 0.95):0.0} ms, **p99 {P(all, 0.99):0.0} ms**, max {Max(all):0} ms | " +
            $"/healthz {probes.Count} probes, median {P(probes, 0.5):0.0} ms, p95 {P(probes, 0.95):0.0} ms, **p99 {P(probes, 0.99):0.0} ms**, max {Max(probes):0} ms, {probeFailures} failed | " +
            $"server CPU {cpu / elapsed:P0} of one core |");
        return 0;
    }

    private static double P(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : BenchCommands.Percentile(sorted, p);

    private static double Max(List<double> sorted) => sorted.Count == 0 ? double.NaN : sorted[^1];

    private static async Task<WebAppProcess> StartAsync(Dictionary<string, string> options, string databasePath)
    {
        var web = Path.GetFullPath(options.GetValueOrDefault("web", WebAppProcess.DefaultWebDll));
        var port = int.Parse(options.GetValueOrDefault("port", "5251"), CultureInfo.InvariantCulture);
        // The app as `dotnet run` starts it: simulator on, nothing else configured.
        var app = await WebAppProcess.StartAsync(web, databasePath, new Uri($"http://127.0.0.1:{port}"), new Dictionary<string, string>(), CancellationToken.None);
        var settled = await app.WaitUntilIdleAsync(TimeSpan.FromMinutes(3), CancellationToken.None);
        Console.Error.WriteLine($"app ready; its start-up background work settled after {settled.TotalSeconds:0} s");
        return app;
    }

    /// <summary>utime + stime of a process, in clock ticks (proc(5), fields 14 and 15).</summary>
    private static long CpuTicks(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are space separated.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static long ClockTicksPerSecond()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var text = getconf.StandardOutput.ReadToEnd();
        getconf.WaitForExit();
        return long.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }
}
