using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// One status change made in the app's database: what it was, how its alarm row looks once shown (<see cref="ShownKey"/>:
/// the alarm id, and for a restoration the id with its returned-to-normal state) and when it was asked for and answered.
/// </summary>
internal sealed record StatusChange(string Kind, string OutageId, string ShownKey, long RequestedAt, long AnsweredAt, long CommittedAtUnixMs)
{
    /// <summary>The alarm row's state once an outage is restored (ISA-18.2: returned to normal, not yet acknowledged).</summary>
    public const string ReturnedState = "ReturnedUnacknowledged";

    /// <summary>The CSS selector of the alarm row the change makes appear.</summary>
    public string Selector => ShownKey.Split('|') is [var id, var state]
        ? $"[data-alarm-id='{id}'][data-alarm-state='{state}']"
        : $"[data-alarm-id='{ShownKey}']";

    /// <summary>Time the app took to write the change and answer the request.</summary>
    public double WriteMs => Stopwatch.GetElapsedTime(RequestedAt, AnsweredAt).TotalMilliseconds;
}

/// <summary>
/// Alternates a fault and its restoration through the app's simulator API (<c>OpsCenter:Simulator:ControlApi</c>): the
/// app holds the DuckDB file, so the simulator's own write path is the only way in from another process. A fault
/// raises alarm <c>NEW-{outage}</c>; its restoration returns that alarm to normal.
/// </summary>
internal sealed class StatusChanges(HttpClient client)
{
    private string? _openOutage;

    public async Task<StatusChange> NextAsync(CancellationToken cancellationToken)
    {
        if (_openOutage is { } outageId)
        {
            var requested = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync(new Uri($"/api/simulator/outages/{outageId}/restore", UriKind.Relative), null, cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            response.EnsureSuccessStatusCode();
            _openOutage = null;
            return new StatusChange("restore", outageId, $"NEW-{outageId}|{StatusChange.ReturnedState}", requested, answered, CommittedAt(response));
        }

        // A random device may have nobody behind it; the simulator then writes nothing and says so.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var requested = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync(new Uri("/api/simulator/faults", UriKind.Relative), null, cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                continue;
            }

            response.EnsureSuccessStatusCode();
            var fault = await response.Content.ReadFromJsonAsync<SimulatedFault>(cancellationToken)
                ?? throw new InvalidOperationException("The simulator answered a fault with an empty body.");
            _openOutage = fault.OutageId;
            return new StatusChange("fault", fault.OutageId, $"NEW-{fault.OutageId}", requested, answered, CommittedAt(response));
        }

        throw new InvalidOperationException("The simulator wrote no fault in 10 attempts.");
    }

    /// <summary>The server's wall-clock time of the commit (Unix ms); the bench and browser share the machine's clock.</summary>
    private static long CommittedAt(HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("Flux-Committed-At").Single(), System.Globalization.CultureInfo.InvariantCulture);
}
