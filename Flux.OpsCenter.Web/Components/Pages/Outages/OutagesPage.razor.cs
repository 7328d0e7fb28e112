using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Map;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Outages;

public sealed partial class OutagesPage : IDisposable
{
    private const double BoxMarginDegrees = 0.02;
    private readonly CancellationTokenSource _disposed = new();
    private readonly PanelData<IReadOnlyList<Outage>> _active = new();
    private IReadOnlyList<string> _causes = [];
    private DateTimeOffset? _asOf;
    private bool _clockRead;
    private IReadOnlyList<MapMarker> _outageAreas = [];
    private GeoBox? _outageBox;

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private OutageQueries OutageQueries { get; set; } = default!;

    [Inject]
    private ReliabilityService Reliability { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    // "Now" is the data's own clock, so a stale embedded file still shows sensible durations.
    private DateTimeOffset Now => _asOf ?? Clock.GetUtcNow();

    protected override async Task OnInitializedAsync()
    {
        var token = _disposed.Token;
        try
        {
            _asOf = (await Reliability.GetClockAsync(token)).AsOf;
            _causes = await OutageQueries.GetOutageCausesAsync(token);
        }
        catch (Data.FluxDataException)
        {
            // The panels below report the failure; the clock falls back to the server's.
        }

        _clockRead = true;

        await _active.LoadAsync(t => Queries.GetActiveOutagesAsync(500, t), token);
        if (_active.Value is { Count: > 0 } outages)
        {
            _outageAreas = [.. outages.Select(Area)];
            // Frame every active outage with a margin; with none the map shows the whole territory.
            _outageBox = new GeoBox(
                outages.Min(o => o.Longitude) - BoxMarginDegrees, outages.Min(o => o.Latitude) - BoxMarginDegrees,
                outages.Max(o => o.Longitude) + BoxMarginDegrees, outages.Max(o => o.Latitude) + BoxMarginDegrees);
        }
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

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
