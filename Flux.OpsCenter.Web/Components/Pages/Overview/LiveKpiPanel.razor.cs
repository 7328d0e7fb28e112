using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Overview;

/// <summary>The Overview's heading with its as-of time and the KPI row: the part of the page that follows the live feed.</summary>
public sealed partial class LiveKpiPanel
{
    private OpsKpis? _queried;
    private PriorPeriodReliability? _previous;
    private string? _error;

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    /// <summary>Live KPIs once the monitor publishes; the direct query covers the first moments after start.</summary>
    private OpsKpis? Kpis => Live?.Kpis ?? _queried;

    private DateTimeOffset? StaleSince => Live?.StaleSince;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var previous = Queries.GetReliabilityPreviousPeriodAsync(CancellationToken.None);
            if (Live?.Kpis is null)
            {
                _queried = await Queries.GetKpisAsync(CancellationToken.None);
                _error = _queried is null ? "the KPI view returned no row" : null;
            }

            _previous = await previous;
        }
        catch (FluxDataException ex)
        {
            _error = $"{ex.Source} source {ex.Kind.ToString().ToLowerInvariant()}: {ex.Message}";
        }
    }

    protected override void OnLiveChanged(GridStatusSnapshot? previous, GridStatusSnapshot current) => _error = null;
}
