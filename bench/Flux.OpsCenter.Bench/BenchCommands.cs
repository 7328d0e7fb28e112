using System.Diagnostics;
using System.Globalization;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Bench;

/// <summary>The benchmark harness: each command measures one budget of DESIGN.md §9 and prints a Markdown table row.</summary>
internal static class BenchCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "help";
        var options = ParseOptions(args.Skip(1));
        switch (command)
        {
            case "presets":
                return PresetSizes.Run();
            case "generate":
                return GenerationBench.Run(options);
            case "queries":
                return await QueriesAsync(options);
            case "reliability":
                return await ReliabilityAsync(options);
            case "map":
                return await MapBench.RunAsync(options);
            case "startup":
                return await StartupBench.RunAsync(options);
            case "dashboard":
                return await DashboardBench.RunAsync(options);
            case "map-redraw":
                return await MapRedrawBench.RunAsync(options);
            case "live-dom":
                return await LiveBench.DomAsync(options);
            case "hub-fanout":
                return await HubFanoutBench.RunAsync(options);
            case "idle":
                return await OverloadBench.IdleAsync(options);
            case "overload":
                return await OverloadBench.RunAsync(options);
            case "statements":
                return await StatementsBench.RunAsync(options);
            case "cascade":
                return await CascadeBench.CascadeAsync(Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{options.GetValueOrDefault("preset", "houston")}.duckdb")));
            case "layers":
                return await LayersBench.RunAsync(options);
            case "transformer-risk":
                return TransformerRiskBench.Run(options);
            case "trace":
                var tracePath = Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{options.GetValueOrDefault("preset", "houston")}.duckdb"));
                return TraceBench.TimeOperationHistory(tracePath) + await TraceBench.RunAsync(tracePath);
            case "gnn":
                return await CascadeBench.GnnAsync(Path.GetFullPath(options.GetValueOrDefault("path", "bench/results/houston.duckdb")),
                    options.GetValueOrDefault("label-preset", "SUMMER_PEAK"), int.Parse(options.GetValueOrDefault("threshold", "250"), CultureInfo.InvariantCulture));
            case "networkx":
                return await CascadeBench.NetworkXAsync(Path.GetFullPath(options.GetValueOrDefault("path", "bench/results/small.duckdb")), options.GetValueOrDefault("python", "/usr/bin/python3"));
            default:
                Console.WriteLine("""
                    usage: dotnet run -c Release --project bench/Flux.OpsCenter.Bench -- <command> [--preset houston|houston-full|small] [--path file] [--runs N]
                      transformer-risk  generate (if new) and fill history timing the transformer-days and first training; retrain --runs times
                      layers     weather stage, weather field per hour, vegetation viewports on an existing file
                      generate   time the territory generation stage by stage into a fresh file, the history filled after it is served, the
                                 background graph step, and the engine's floor (CREATE TABLE AS over range()) in the same run
                      presets    each preset's substations, feeders, transformers and expected meters, laid out in memory
                      startup    the web app's first start on no file (generation, /readyz, Overview KPIs), then second starts
                                 on the kept file (runs the Release build of Flux.OpsCenter.Web; --runs N)
                      queries    p50/p95 of every query file against an existing (or freshly generated) file
                      reliability  p50/p95 of the IEEE 1366 indices (threshold included) for the whole territory over 12 months
                      dashboard  warm first paint of the Overview in Chromium and server memory per open Overview circuit
                                 (runs the Release build of Flux.OpsCenter.Web; --circuits N per batch, --batches N, --runs N, --workstation-gc,
                                 --hold-seconds N to keep the pages open for dotnet-gcdump)
                      map        spatial index build, then map viewport requests at five zoom levels: server time and response size
                      map-redraw map zoom steps in Chromium: click → new zoom drawn, and main-thread long tasks
                                 (runs the Release build of Flux.OpsCenter.Web on a copy of the file; --rounds N, --port N)
                      live-dom   status change in the database → its alarm in an open Overview in Chromium, fault/restore alternating
                                 (runs the Release build of Flux.OpsCenter.Web on a copy of the file; --runs N, --poll-only)
                      hub-fanout status change → delta at each of many /hubs/grid-status subscribers on loopback
                                 (--subscribers 1000, --runs N, --protocol json|messagepack)
                      idle       the server's CPU over --seconds 30 with no page open, from /proc/<pid>/stat (Release web app, copy of the file)
                      overload   --clients 200 concurrent clients on --target /api/kpis for --seconds 30, with /healthz probed ten times a
                                 second on its own connection meanwhile: p50/p95/p99 of both (Release web app, copy of the file)
                      statements statements per minute the app sends Snowflake at idle with 1 and 50 Overviews open (Snowflake mode,
                                 SPCS auth, against the tests' DuckDB-backed SQL API fake; --pages 1,50, --seconds 60, --path small file,
                                 --OpsCenter:Live:PollInterval 00:00:05 to try another interval)
                      cascade    graph load, full centrality, simulation from every substation per preset, GCN metrics (existing file)
                      trace      connectivity model load, trace downstream from every feeder breaker, re-energisation after
                                 a sample of recloser and fuse operations (existing file)
                      gnn        GCN held-out metrics for another label [--label-preset KEY] [--threshold customers]
                      networkx   exact betweenness side by side with NetworkX on a generated small file [--python /usr/bin/python3]
                    """);
                return command == "help" ? 0 : 2;
        }
    }

    private static async Task<int> QueriesAsync(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var path = Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{preset}.duckdb"));
        var runs = int.Parse(options.GetValueOrDefault("runs", "30"), CultureInfo.InvariantCulture);
        GenerationBench.EnsureComplete(path, preset);
        using var source = new DuckDbSource(path);
        var queries = new GridQueries(source);
        var sample = (await queries.GetFeederAsync("FDR-001-01", CancellationToken.None))!;
        var cases = new (string Name, Func<Task> Run)[]
        {
            ("GetKpis", () => queries.GetKpisAsync(default)),
            ("GetCircuitStatus", () => queries.GetCircuitStatusAsync(5_000, default)),
            ("GetSubstation", () => queries.GetSubstationAsync(sample.SubstationId, default)),
            ("GetFeeder", () => queries.GetFeederAsync(sample.CircuitId, default)),
            ("GetFeedersBySubstation", () => queries.GetFeedersBySubstationAsync(sample.SubstationId, default)),
            ("GetFeederLines", () => queries.GetFeederLinesAsync(sample.CircuitId, default)),
            ("GetActiveOutages", () => queries.GetActiveOutagesAsync(500, default)),
            ("GetOutagesByCircuit", () => queries.GetOutagesByCircuitAsync(sample.CircuitId, 200, default)),
            ("GetOpenWorkOrders", () => queries.GetOpenWorkOrdersAsync(500, default)),
            ("GetCrews", () => queries.GetCrewsAsync(500, default)),
        };

        Console.WriteLine($"| query ({preset}, {runs} runs after 3 warm-up) | p50 ms | p95 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, run) in cases)
        {
            for (var i = 0; i < 3; i++)
            {
                await run();
            }

            var samples = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                await run();
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            samples.Sort();
            Console.WriteLine($"| {name} | {Percentile(samples, 0.50):0.0} | {Percentile(samples, 0.95):0.0} | {samples[^1]:0.0} |");
        }

        return 0;
    }

    private static async Task<int> ReliabilityAsync(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var path = Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{preset}.duckdb"));
        var runs = int.Parse(options.GetValueOrDefault("runs", "30"), CultureInfo.InvariantCulture);
        GenerationBench.EnsureComplete(path, preset);
        using var source = new DuckDbSource(path);
        var service = new ReliabilityService(source);
        var clock = await service.GetClockAsync(default);
        var period = ReliabilityPeriod.LastTwelveMonths(clock.AsOf);
        var report = await service.GetReportAsync(period, ReliabilityScope.System, default);
        var kpis = await new GridQueries(source).GetKpisAsync(default);
        var threshold = report.Threshold;
        Console.WriteLine($"as of {clock.AsOf:u}; period {period.From:u} → {period.To:u}; N_T {report.All.CustomersServed:N0}");
        Console.WriteLine($"T_MED {threshold.Tmed:0.000} min/day (α {threshold.Alpha:0.000}, β {threshold.Beta:0.000}) from {threshold.YearsOfData:0.00} years, " +
            $"{threshold.DaysWithInterruptions} days; MEDs in period: {string.Join(", ", report.MajorEventDays.Select(d => $"{d.Day:yyyy-MM-dd} ({d.Saidi:0.0} min)"))}");
        Console.WriteLine($"with MEDs:    SAIDI {report.All.Saidi:0.00} SAIFI {report.All.Saifi:0.000} CAIDI {report.All.Caidi:0.0} CAIFI {report.All.Caifi:0.000} MAIFI {report.All.Maifi:0.000} ASAI {report.All.Asai:0.000000}");
        var ex = report.ExcludingMajorEvents;
        Console.WriteLine($"without MEDs: SAIDI {ex.Saidi:0.00} SAIFI {ex.Saifi:0.000} CAIDI {ex.Caidi:0.0} CAIFI {ex.Caifi:0.000} MAIFI {ex.Maifi:0.000} ASAI {ex.Asai:0.000000}");
        Console.WriteLine($"KPI view:     SAIDI_12M {kpis?.Saidi12m:0.00} SAIFI_12M {kpis?.Saifi12m:0.000}");

        var cases = new (string Name, Func<Task> Run)[]
        {
            ("indices, system, 12 months (threshold + totals + MED days)", () => service.GetReportAsync(period, ReliabilityScope.System, default)),
            ("indices with a known threshold", () => service.GetReportAsync(period, ReliabilityScope.System, threshold, default)),
            ("monthly trend", () => service.GetMonthlyAsync(period, ReliabilityScope.System, threshold, default)),
            ("by cause", () => service.GetByCauseAsync(period, ReliabilityScope.System, threshold, default)),
            ("worst feeders (CEMI-3, CELID-8h)", () => service.GetWorstFeedersAsync(period, ReliabilityScope.System, threshold, new WorstFeederOptions(), default)),
        };
        // CPU time of this process per call is what the query costs whatever else the shared machine runs.
        Console.WriteLine($"| reliability ({preset}, {runs} runs after 3 warm-up) | p50 ms | p95 ms | max ms | CPU ms p50 | CPU ms p95 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        using var process = Process.GetCurrentProcess();
        foreach (var (name, run) in cases)
        {
            for (var i = 0; i < 3; i++)
            {
                await run();
            }

            var samples = new List<double>(runs);
            var cpu = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var timer = Stopwatch.StartNew();
                await run();
                samples.Add(timer.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            samples.Sort();
            cpu.Sort();
            Console.WriteLine($"| {name} | {Percentile(samples, 0.50):0.0} | {Percentile(samples, 0.95):0.0} | {samples[^1]:0.0} | {Percentile(cpu, 0.50):0.0} | {Percentile(cpu, 0.95):0.0} |");
        }

        return 0;
    }

    internal static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                key = arg[2..];
                options[key] = "true";
            }
            else if (key is not null)
            {
                options[key] = arg;
                key = null;
            }
        }

        return options;
    }
}
