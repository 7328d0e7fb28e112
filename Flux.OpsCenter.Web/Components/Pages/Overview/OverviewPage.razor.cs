using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Overview;

public sealed partial class OverviewPage : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private OpsKpis? _kpis;
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
            _kpis = await Queries.GetKpisAsync(_disposed.Token);
            _failedAt = null;
            _error = _kpis is null ? "the KPI view returned no row" : null;
        }
        catch (FluxDataException ex)
        {
            // Keep the last good figures on screen and say they are stale.
            _failedAt = Clock.GetUtcNow();
            _error = $"{ex.Source} source {ex.Kind.ToString().ToLowerInvariant()}: {ex.Message}";
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
