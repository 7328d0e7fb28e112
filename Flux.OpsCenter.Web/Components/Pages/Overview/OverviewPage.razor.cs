using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Overview;

public sealed partial class OverviewPage : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private OpsKpis? _kpis;
    private ReliabilityPeriod? _previous;
    private PanelState _state = PanelState.Loading;
    private string? _error;
    private DateTimeOffset? _failedAt;

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var kpis = Queries.GetKpisAsync(_disposed.Token);
            var previous = Queries.GetReliabilityPreviousPeriodAsync(_disposed.Token);
            _kpis = await kpis;
            _previous = await previous;
            _failedAt = null;
            _error = _kpis is null ? "the KPI view returned no row" : null;
            _state = _kpis is null ? PanelState.Failed : PanelState.Ready;
        }
        catch (FluxDataException ex)
        {
            // Keep the last good figures on screen and say they are stale.
            _failedAt = Clock.GetUtcNow();
            _error = $"{ex.Source} source {ex.Kind.ToString().ToLowerInvariant()}: {ex.Message}";
            _state = _kpis is null ? PanelState.Failed : PanelState.Stale;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
