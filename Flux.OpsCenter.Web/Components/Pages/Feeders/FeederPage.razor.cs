using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Web.Components.Charts;
using Flux.OpsCenter.Web.Components.Layout;
using Flux.OpsCenter.Web.Components.Panels;
using Flux.OpsCenter.Web.Hosting;
using Microsoft.AspNetCore.Components;
using MudBlazor.Utilities;

namespace Flux.OpsCenter.Web.Components.Pages.Feeders;

/// <summary>One feeder: header KPIs, its map, 14-day load against rating, transformers, customers and outages.</summary>
public sealed partial class FeederPage
{
    // Every load is keyed by the circuit id: following the tie link reuses this page, and feeder B must show loading,
    // then B's data, never A's.
    private readonly PanelLoad<string, FeederSummary?> _feeder = new();
    private readonly PanelLoad<string, GeoBox?> _focus = new();
    private readonly PanelLoad<string, IReadOnlyList<LoadPoint>> _load = new();
    private readonly PanelLoad<string, IReadOnlyList<TransformerSummary>> _transformers = new();
    private readonly PanelLoad<string, IReadOnlyList<CustomerClassCount>> _classes = new();
    private readonly PanelLoad<string, IReadOnlyList<Outage>> _outages = new();

    /// <summary>The circuit id from the route.</summary>
    [Parameter]
    public string CircuitId { get; set; } = "";

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    // Only the embedded file fills history after first start; against Snowflake there is no such service.
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private GenerationProgress? HistoryFill => Services.GetService<TelemetryHistoryService>()?.Progress;

    // All of a feeder's loads start together: each clears its panel at once, so no render shows one panel's new
    // feeder beside another's previous one.
    protected override Task OnParametersSetAsync() => Task.WhenAll(
        Loads.LoadSubjectAsync(_feeder, CircuitId, Queries.GetFeederAsync, Navigation),
        Loads.LoadAsync(_focus, CircuitId, FocusAsync),
        Loads.LoadAsync(_load, CircuitId, Queries.GetFeederHourlyLoadAsync),
        Loads.LoadAsync(_transformers, CircuitId, (id, ct) => Queries.GetFeederTransformersAsync(id, 2_000, ct)),
        Loads.LoadAsync(_classes, CircuitId, Queries.GetFeederCustomerClassesAsync),
        Loads.LoadAsync(_outages, CircuitId, (id, ct) => Queries.GetOutagesByCircuitAsync(id, 100, ct)));

    private async Task<GeoBox?> FocusAsync(string id, CancellationToken cancellationToken)
    {
        var segments = await Queries.GetFeederLinesAsync(id, cancellationToken);
        return segments.Count == 0 ? null : new GeoBox(
            segments.Min(s => Math.Min(s.FromLongitude, s.ToLongitude)), segments.Min(s => Math.Min(s.FromLatitude, s.ToLatitude)),
            segments.Max(s => Math.Max(s.FromLongitude, s.ToLongitude)), segments.Max(s => Math.Max(s.FromLatitude, s.ToLatitude)));
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
