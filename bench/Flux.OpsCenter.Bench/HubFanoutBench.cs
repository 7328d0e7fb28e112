using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Many external subscribers of <c>/hubs/grid-status</c> on loopback (WebSockets, JSON or MessagePack), each following
/// the contract of docs/live-status.md (snapshot, deltas in sequence, resync on a gap). For every status change and
/// every subscriber it records when the delta carrying that outage arrived, and reports two latencies: from the
/// delta's <c>PublishedAt</c> (stamped by the server when its poll has read the change; same machine, same clock) and
/// from the request that made the change.
/// </summary>
internal static class HubFanoutBench
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var subscribers = int.Parse(options.GetValueOrDefault("subscribers", "1000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(options.GetValueOrDefault("runs", "30"), CultureInfo.InvariantCulture);
        var messagePack = string.Equals(options.GetValueOrDefault("protocol", "json"), "messagepack", StringComparison.OrdinalIgnoreCase);
        using var territory = LiveTerritory.Prepare(options);
        var loadBefore = LoadAverage();
        await using var app = await LiveBench.StartAppAsync(options, territory.Path, pollOnly: false, 5199);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var clients = new List<Subscriber>(subscribers);
        var connecting = Stopwatch.StartNew();
        try
        {
            // In batches: a thousand simultaneous handshakes, each answered with a full snapshot, only measure the queue.
            for (var first = 0; first < subscribers; first += 50)
            {
                var batch = Enumerable.Range(first, Math.Min(50, subscribers - first)).Select(_ => new Subscriber(app.BaseAddress, messagePack)).ToList();
                clients.AddRange(batch);
                await Task.WhenAll(batch.Select(s => s.StartAsync()));
            }

            await WaitUntilAsync(() => clients.All(c => c.HeldSequence > 0), TimeSpan.FromMinutes(2));
            Console.Error.WriteLine($"{subscribers} subscribers connected with their snapshots in {connecting.Elapsed.TotalSeconds:0.0} s");

            var changes = new StatusChanges(http);
            var random = new Random(5);
            var fromPublished = new List<double>();
            var fromRequest = new List<double>();
            var missing = 0;
            var serverCpu = app.ProcessorTime;
            var benchCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var measured = Stopwatch.StartNew();
            for (var i = -2; i < runs; i++)
            {
                await Task.Delay(300 + random.Next(1_000));
                var change = await changes.NextAsync(CancellationToken.None);
                var key = change.ShownKey;
                await WaitUntilAsync(() => clients.All(c => c.Receipts.ContainsKey(key)), DeliveryTimeout);
                if (i < 0)
                {
                    // Two warm-up changes: JIT on both sides.
                    continue;
                }

                foreach (var client in clients)
                {
                    if (client.Receipts.TryGetValue(key, out var receipt))
                    {
                        fromPublished.Add((receipt.ReceivedAt - receipt.PublishedAt).TotalMilliseconds);
                        fromRequest.Add(Stopwatch.GetElapsedTime(change.RequestedAt, receipt.Ticks).TotalMilliseconds);
                    }
                    else
                    {
                        missing++;
                    }
                }
            }

            var serverCpuSeconds = (app.ProcessorTime - serverCpu).TotalSeconds;
            var benchCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - benchCpu).TotalSeconds;
            var protocol = messagePack ? "MessagePack" : "JSON";
            Console.WriteLine($"territory {territory.Name}; {subscribers} subscribers, {protocol} over WebSockets on loopback; load average {loadBefore} at start, {LoadAverage()} at end; " +
                $"measured phase {measured.Elapsed.TotalSeconds:0} s, server CPU {serverCpuSeconds:0.0} s, bench (subscribers) CPU {benchCpuSeconds:0.0} s; " +
                $"resyncs {clients.Sum(c => c.Resyncs)}, closed connections {clients.Count(c => c.Closed)}");
            Console.WriteLine($"| hub delivery ({territory.Name}, {subscribers} subscribers, {protocol}, {runs} changes) | deliveries | missing | p50 ms | p95 ms | p99 ms | max ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            Row("delta published (server PublishedAt) → subscriber received", fromPublished, missing);
            Row("change requested → subscriber received", fromRequest, missing);
            return missing == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static void Row(string name, List<double> samples, int missing)
    {
        samples.Sort();
        if (samples.Count == 0)
        {
            Console.WriteLine($"| {name} | 0 | {missing} | – | – | – | – |");
            return;
        }

        Console.WriteLine($"| {name} | {samples.Count:N0} | {missing:N0} | {BenchCommands.Percentile(samples, 0.50):0} | {BenchCommands.Percentile(samples, 0.95):0} | " +
            $"{BenchCommands.Percentile(samples, 0.99):0} | {samples[^1]:0} |");
    }

    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < limit)
        {
            await Task.Delay(10);
        }
    }

    private static string LoadAverage() => LiveBench.LoadAverage();

    /// <summary>When a subscriber first saw the delta carrying one change (keyed by the alarm id the change raises).</summary>
    private sealed record Receipt(long Ticks, DateTimeOffset ReceivedAt, DateTimeOffset PublishedAt);

    /// <summary>One hub connection that follows the contract and stamps the first delta that carries each outage change.</summary>
    private sealed class Subscriber : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private long _held;

        public Subscriber(Uri baseAddress, bool messagePack)
        {
            var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/grid-status"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            });
            if (messagePack)
            {
                // The bench's own records are internal; the contract is the field names, as for any external client.
                builder.AddMessagePackProtocol(options => options.SerializerOptions = MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolverAllowPrivate.Instance));
            }

            _connection = builder.Build();
            _connection.On<SnapshotHeader>("Snapshot", snapshot => Interlocked.Exchange(ref _held, snapshot.Sequence));
            _connection.On<DeltaHeader>("Delta", OnDelta);
            _connection.Closed += _ =>
            {
                Closed = true;
                return Task.CompletedTask;
            };
        }

        public ConcurrentDictionary<string, Receipt> Receipts { get; } = new(StringComparer.Ordinal);

        public long HeldSequence => Interlocked.Read(ref _held);

        public int Resyncs { get; private set; }

        public bool Closed { get; private set; }

        public Task StartAsync() => _connection.StartAsync();

        private void OnDelta(DeltaHeader delta)
        {
            var ticks = Stopwatch.GetTimestamp();
            var receivedAt = DateTimeOffset.UtcNow;
            foreach (var outage in delta.StartedOrChangedOutages)
            {
                Receipts.TryAdd($"NEW-{outage.OutageId}", new Receipt(ticks, receivedAt, delta.PublishedAt));
            }

            foreach (var outageId in delta.EndedOutageIds)
            {
                Receipts.TryAdd($"NEW-{outageId}|{StatusChange.ReturnedState}", new Receipt(ticks, receivedAt, delta.PublishedAt));
            }

            var held = HeldSequence;
            if (delta.PreviousSequence == held)
            {
                Interlocked.Exchange(ref _held, delta.Sequence);
            }
            else if (delta.Sequence > held)
            {
                // A gap: resync from the snapshot. Not awaited here, a handler that waits on the hub blocks its own receive loop.
                Resyncs++;
                _ = ResyncAsync();
            }
        }

        private async Task ResyncAsync()
        {
            if (await _connection.InvokeAsync<SnapshotHeader?>("GetSnapshot") is { } snapshot)
            {
                Interlocked.Exchange(ref _held, snapshot.Sequence);
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }

    /// <summary>The part of GridStatusSnapshot this subscriber needs.</summary>
    private sealed record SnapshotHeader(long Sequence);

    /// <summary>The part of GridStatusDelta this subscriber needs.</summary>
    private sealed record DeltaHeader(long Sequence, long PreviousSequence, DateTimeOffset PublishedAt, List<OutageHeader> StartedOrChangedOutages, List<string> EndedOutageIds);

    /// <summary>The part of an active outage row this subscriber needs.</summary>
    private sealed record OutageHeader(string OutageId);
}
