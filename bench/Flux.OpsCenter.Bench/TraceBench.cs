using System.Diagnostics;
using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Data.Embedded;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Issue #17 benchmarks on an existing file: connectivity model load, trace downstream from every feeder breaker, and
/// re-energisation (a full re-derive of every section) after opening and closing a sample of reclosers and fuses.
/// </summary>
internal static class TraceBench
{
    public static async Task<int> RunAsync(string path)
    {
        // Views follow the build, as at every app start; the tables stay.
        EmbeddedDatabase.RefreshViews(path);
        using var source = new DuckDbSource(path);
        using var network = new NetworkService(source);
        var clock = Stopwatch.StartNew();
        var state = await network.GetStateAsync(CancellationToken.None);
        var model = state.Model;
        Console.WriteLine($"| load model ({model.DeviceCount:N0} devices, {model.TransformerCount:N0} transformers) | {clock.Elapsed.TotalSeconds:0.00} s |");

        var breakers = Enumerable.Range(0, model.DeviceCount).Where(d => model.Device(d).Type == SwitchingDeviceType.Breaker).ToArray();
        foreach (var d in breakers.Take(50))
        {
            NetworkTracer.Trace(state, model.Device(d).Id, TraceDirection.Downstream);
        }

        var traces = new List<double>(breakers.Length);
        long customers = 0;
        foreach (var d in breakers)
        {
            clock.Restart();
            var trace = NetworkTracer.Trace(state, model.Device(d).Id, TraceDirection.Downstream)!;
            traces.Add(clock.Elapsed.TotalMilliseconds);
            customers += trace.Customers;
        }

        Console.WriteLine($"| trace downstream from every feeder breaker ({breakers.Length:N0}, {customers:N0} customers in all) | {Summary(traces)} |");

        foreach (var type in (SwitchingDeviceType[])[SwitchingDeviceType.Recloser, SwitchingDeviceType.Fuse])
        {
            // A sample in model order (every 10th recloser, every 100th fuse): each operation re-derives the whole territory.
            var stride = type == SwitchingDeviceType.Recloser ? 10 : 100;
            var devices = Enumerable.Range(0, model.DeviceCount).Where(d => model.Device(d).Type == type && !state.IsOpen(d)).Where((_, i) => i % stride == 0).ToArray();
            var samples = new List<double>(devices.Length * 2);
            // Process CPU time beside wall time: on a shared, overcommitted machine wall time is mostly waiting for a core.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var d in devices)
            {
                clock.Restart();
                var opened = state.With(d, open: true);
                samples.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                opened.With(d, open: false);
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            var cpuPerOperation = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / samples.Count;
            Console.WriteLine($"| re-energisation after opening and closing a {SwitchingDeviceTypes.Name(type).ToLowerInvariant()} ({devices.Length:N0} × 2 operations) | wall {Summary(samples)}; process CPU {cpuPerOperation:0.00} ms per operation |");
        }

        return 0;
    }

    /// <summary>
    /// The generator's added cost that scales with history: setting every device's live state from the outage history
    /// (idempotent, so it runs on the generated file as it is).
    /// </summary>
    public static int TimeOperationHistory(string path)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"DataSource={path}");
        connection.Open();
        var clock = Stopwatch.StartNew();
        Flux.OpsCenter.Data.Synthetic.DeviceBuilder.ApplyOperationHistory(connection);
        Console.WriteLine($"| generator: device states from the outage history | {clock.Elapsed.TotalMilliseconds:0} ms |");
        return 0;
    }

    private static string Summary(List<double> samples)
    {
        samples.Sort();
        double At(double q) => samples[(int)Math.Min(samples.Count - 1, Math.Ceiling(q * samples.Count) - 1)];
        return $"p50 {At(0.5):0.00} ms, p95 {At(0.95):0.00} ms, max {samples[^1]:0.00} ms";
    }
}
