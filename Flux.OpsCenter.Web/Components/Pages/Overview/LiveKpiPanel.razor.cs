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

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    protected override Task OnInitializedAsync() => Loads.LoadAsync(_previous, Queries.GetReliabilityPreviousPeriodAsync);
}
