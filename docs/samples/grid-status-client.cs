#:package Microsoft.AspNetCore.SignalR.Client
#:package Microsoft.AspNetCore.SignalR.Protocols.MessagePack
#:property PublishAot=false

// A minimal external subscriber of /hubs/grid-status, a .NET file-based app:
//   dotnet run docs/samples/grid-status-client.cs -- http://localhost:5000 [--messagepack]
// It keeps its own copy of live status: a snapshot on connect, then deltas applied in sequence order,
// and a resync (GetSnapshot) whenever a delta does not follow on from the sequence it holds.
// The records below are this client's own: external subscribers need only the documented contract (docs/live-status.md).
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

var baseUrl = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "http://localhost:5000";
var builder = new HubConnectionBuilder().WithUrl(new Uri(new Uri(baseUrl), "/hubs/grid-status")).WithAutomaticReconnect();
if (args.Contains("--messagepack"))
{
    builder.AddMessagePackProtocol();
}

await using var connection = builder.Build();
var gate = new SemaphoreSlim(1, 1);
Snapshot? held = null;

connection.On<Snapshot>("Snapshot", async snapshot =>
{
    await gate.WaitAsync();
    try
    {
        held = snapshot;
        Console.WriteLine($"snapshot #{snapshot.Sequence}: {snapshot.Circuits.Count} circuits, {snapshot.ActiveOutages.Count} active outages, "
            + $"{snapshot.Kpis?.CustomersOut ?? 0} customers out{(snapshot.StaleSince is null ? "" : $", stale since {snapshot.StaleSince:HH:mm}")}");
    }
    finally
    {
        gate.Release();
    }
});

connection.On<Delta>("Delta", async delta =>
{
    await gate.WaitAsync();
    try
    {
        if (held is null || delta.PreviousSequence != held.Sequence)
        {
            if (held is not null && delta.Sequence <= held.Sequence)
            {
                return;
            }

            Console.WriteLine($"gap before #{delta.Sequence}: resyncing");
            held = await connection.InvokeAsync<Snapshot?>("GetSnapshot");
            return;
        }

        held = held with { Sequence = delta.Sequence, StaleSince = delta.StaleSince, Kpis = delta.Kpis ?? held.Kpis };
        foreach (var circuit in delta.ChangedCircuits)
        {
            Console.WriteLine($"#{delta.Sequence} {circuit.CircuitId} {circuit.Status} {circuit.CustomersOut}/{circuit.CustomersServed} out, load {circuit.LoadPct:0}%");
        }

        foreach (var outage in delta.StartedOrChangedOutages)
        {
            Console.WriteLine($"#{delta.Sequence} outage {outage.OutageId} {outage.DeviceType} {outage.DeviceId}: {outage.CustomersAffected} customers, crew {outage.CrewId ?? "none"}");
        }

        foreach (var ended in delta.EndedOutageIds)
        {
            Console.WriteLine($"#{delta.Sequence} outage {ended} restored");
        }
    }
    finally
    {
        gate.Release();
    }
});

await connection.StartAsync();
Console.WriteLine($"connected to {baseUrl}; Ctrl+C to stop");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
await stop.Task;

internal sealed record Kpis(DateTimeOffset AsOf, long TotalCustomers, long CustomersOut, long ActiveOutages, double TotalLoadMw);

internal sealed record Circuit(string CircuitId, string CircuitName, string SubstationId, string Status, long CustomersServed, long CustomersOut, double LoadPct);

internal sealed record OutageRow(string OutageId, string CircuitId, string DeviceId, string DeviceType, long CustomersAffected, string? CrewId);

internal sealed record Snapshot(long Sequence, DateTimeOffset? StaleSince, Kpis? Kpis, List<Circuit> Circuits, List<OutageRow> ActiveOutages);

internal sealed record Delta(long Sequence, long PreviousSequence, DateTimeOffset? StaleSince, Kpis? Kpis, List<Circuit> ChangedCircuits,
    List<OutageRow> StartedOrChangedOutages, List<string> EndedOutageIds);
