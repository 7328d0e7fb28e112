using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.WorkOrders;

public sealed partial class WorkOrdersPage : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly PanelData<IReadOnlyList<WorkOrderSummary>> _summary = new();
    private readonly PanelData<IReadOnlyList<Crew>> _crews = new();
    private readonly PanelData<IReadOnlyList<WorkOrder>> _open = new();
    private readonly PanelData<IReadOnlyList<WorkOrder>> _forOutage = new();

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private OutageQueries OutageQueries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>An outage whose work orders to show first, from the outages page.</summary>
    [SupplyParameterFromQuery(Name = "outage")]
    public string? Outage { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var token = _disposed.Token;
        var outage = Outage;
        await Task.WhenAll(
            outage is null ? Task.CompletedTask : _forOutage.LoadAsync(t => OutageQueries.GetWorkOrdersByOutageAsync(outage, 100, t), token),
            _summary.LoadAsync(t => OutageQueries.GetWorkOrderSummaryAsync(t), token),
            _crews.LoadAsync(t => Queries.GetCrewsAsync(500, t), token),
            _open.LoadAsync(t => Queries.GetOpenWorkOrdersAsync(1_000, t), token));
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
