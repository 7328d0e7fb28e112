using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Map;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Outages;

public sealed partial class OutagesPage
{
    private const double BoxMarginDegrees = 0.02;
    private readonly PanelLoad<string, OutagesContext> _context = new();
    private readonly PanelLoad<string, ActiveOutages> _active = new();

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private OutageQueries OutageQueries { get; set; } = default!;

    [Inject]
    private ReliabilityService Reliability { get; set; } = default!;

    // "Now" is the data's own clock, so a stale embedded file still shows sensible durations; the server's if unknown.
    private DateTimeOffset Now => _context.Value?.AsOf ?? Clock.GetUtcNow();

    protected override Task OnInitializedAsync() => Task.WhenAll(Loads.LoadAsync(_context, ContextAsync), Loads.LoadAsync(_active, ActiveAsync));

    private async Task<OutagesContext> ContextAsync(CancellationToken cancellationToken) =>
        new((await Reliability.GetClockAsync(cancellationToken)).AsOf, await OutageQueries.GetOutageCausesAsync(cancellationToken));

    private async Task<ActiveOutages> ActiveAsync(CancellationToken cancellationToken)
    {
        var outages = await Queries.GetActiveOutagesAsync(500, cancellationToken);
        // Frame every active outage with a margin; with none the map shows the whole territory.
        var box = outages.Count == 0 ? (GeoBox?)null : new GeoBox(
            outages.Min(o => o.Longitude) - BoxMarginDegrees, outages.Min(o => o.Latitude) - BoxMarginDegrees,
            outages.Max(o => o.Longitude) + BoxMarginDegrees, outages.Max(o => o.Latitude) + BoxMarginDegrees);
        return new ActiveOutages(outages, [.. outages.Select(Area)], box);
    }

    // A circle whose area grows with the customers out: 60 m of radius for one customer, 600 m for a hundred.
    private static MapMarker Area(Outage outage) => new(
        outage.OutageId,
        $"{outage.OutageId} · {outage.CustomersAffected:N0} customers out · {Label(outage.Cause)} · {outage.DeviceType.ToLowerInvariant()} {outage.DeviceId}",
        outage.Latitude,
        outage.Longitude,
        60 * Math.Sqrt(Math.Max(1, outage.CustomersAffected)));

    private string Duration(Outage outage)
    {
        var minutes = Math.Max(0, outage.DurationMinutes(Now));
        return minutes >= 60 ? $"{(int)(minutes / 60)} h {(int)(minutes % 60):00} min" : $"{minutes:0} min";
    }

    private static string Label(string code) => code.Replace('_', ' ').ToLowerInvariant();

    private sealed record OutagesContext(DateTimeOffset AsOf, IReadOnlyList<string> Causes);

    private sealed record ActiveOutages(IReadOnlyList<Outage> Outages, IReadOnlyList<MapMarker> Areas, GeoBox? Box);
}
