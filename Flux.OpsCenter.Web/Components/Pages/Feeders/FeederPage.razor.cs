using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Charts;
using Flux.OpsCenter.Web.Components.Layout;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;
using MudBlazor.Utilities;

namespace Flux.OpsCenter.Web.Components.Pages.Feeders;

/// <summary>One feeder: header KPIs, its map, 14-day load against rating, transformers, customers and outages.</summary>
public sealed partial class FeederPage : IDisposable
{
    private readonly PanelData<FeederSummary?> _feeder = new();
    private readonly PanelData<IReadOnlyList<LoadPoint>> _load = new();
    private readonly PanelData<IReadOnlyList<TransformerSummary>> _transformers = new();
    private readonly PanelData<IReadOnlyList<CustomerClassCount>> _classes = new();
    private readonly PanelData<IReadOnlyList<Outage>> _outages = new();
    private readonly RouteLoads _loads = new();
    private GeoBox? _focus;

    /// <summary>The circuit id from the route.</summary>
    [Parameter]
    public string CircuitId { get; set; } = "";

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // Following the tie link reuses this page with a new id: the old load must not land on the new feeder.
        var token = await _loads.RestartAsync();
        var id = CircuitId;
        await _feeder.LoadAsync(ct => Queries.GetFeederAsync(id, ct), Clock, token);
        if (_feeder.State == PanelState.Ready && _feeder.Value is null)
        {
            Navigation.NotFound();
            return;
        }

        await Task.WhenAll(
            LoadFocusAsync(id, token),
            _load.LoadAsync(ct => Queries.GetFeederHourlyLoadAsync(id, ct), Clock, token),
            _transformers.LoadAsync(ct => Queries.GetFeederTransformersAsync(id, 2_000, ct), Clock, token),
            _classes.LoadAsync(ct => Queries.GetFeederCustomerClassesAsync(id, ct), Clock, token),
            _outages.LoadAsync(ct => Queries.GetOutagesByCircuitAsync(id, 100, ct), Clock, token));
    }

    public void Dispose() => _loads.Dispose();

    private async Task LoadFocusAsync(string id, CancellationToken token)
    {
        var lines = new PanelData<IReadOnlyList<FeederLineSegment>>();
        await lines.LoadAsync(ct => Queries.GetFeederLinesAsync(id, ct), Clock, token);
        if (lines.Value is { Count: > 0 } segments)
        {
            _focus = new GeoBox(
                segments.Min(s => Math.Min(s.FromLongitude, s.ToLongitude)), segments.Min(s => Math.Min(s.FromLatitude, s.ToLatitude)),
                segments.Max(s => Math.Max(s.FromLongitude, s.ToLongitude)), segments.Max(s => Math.Max(s.FromLatitude, s.ToLatitude)));
        }
    }

    private IReadOnlyList<ChartSeries> LoadSeries(FeederSummary feeder) =>
    [
        new ChartSeries($"{feeder.CircuitId} head load", [.. (_load.Value ?? []).Select(p => new ChartPoint(p.Hour, p.LoadKw))],
            OpsCenterTheme.Theme.PaletteDark.Info.ToString(MudColorOutputFormats.Hex)),
    ];

    private static IReadOnlyList<ChartLimit> LoadLimits(FeederSummary feeder) =>
        [new ChartLimit(feeder.CapacityKva, $"Rating {feeder.CapacityKva:N0} kVA", OpsCenterTheme.Theme.PaletteDark.Error.ToString(MudColorOutputFormats.Hex))];

    private string Share(long customers)
    {
        var total = _classes.Value?.Sum(c => c.Customers) ?? 0;
        return total > 0 ? $"{100.0 * customers / total:0.0}%" : "–";
    }
}
