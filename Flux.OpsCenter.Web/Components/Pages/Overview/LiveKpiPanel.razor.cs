using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Overview;

/// <summary>
/// The Overview's heading with its as-of time and the KPI row: the part of the page that follows the live feed. The
/// tiles come from the monitor's snapshot only; the prior twelve months, which do not change live, are queried once.
/// </summary>
public sealed partial class LiveKpiPanel
{
    private readonly PanelLoad<string, PriorPeriodReliability?> _previous = new();
    private readonly PanelLoad<string, ReliabilityComparison> _majorEvents = new();

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private ReliabilityService Reliability { get; set; } = default!;

    protected override Task OnInitializedAsync() => Loads.LoadAsync(_previous, Queries.GetReliabilityPreviousPeriodAsync);

    // The Major Event Day comparison reads five years of daily SAIDI twice: it starts only once the tiles are on screen
    // (never during prerendering) and is its own panel state inside the SAIDI tile, so a slow or failing warehouse
    // leaves every tile showing.
    protected override Task OnAfterRenderAsync(bool firstRender) =>
        firstRender ? Loads.LoadAsync(_majorEvents, Reliability.GetTwelveMonthComparisonAsync) : Task.CompletedTask;
}
