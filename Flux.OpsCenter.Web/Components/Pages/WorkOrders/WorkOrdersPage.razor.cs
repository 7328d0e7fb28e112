using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.WorkOrders;

public sealed partial class WorkOrdersPage
{
    private readonly PanelLoad<string, IReadOnlyList<WorkOrderSummary>> _summary = new();
    private readonly PanelLoad<string, IReadOnlyList<Crew>> _crews = new();
    private readonly PanelLoad<string, IReadOnlyList<WorkOrder>> _open = new();
    private readonly PanelLoad<string, IReadOnlyList<WorkOrder>> _forOutage = new();

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private OutageQueries OutageQueries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>An outage whose work orders to show first, from the outages page.</summary>
    [SupplyParameterFromQuery(Name = "outage")]
    public string? Outage { get; set; }

    protected override Task OnParametersSetAsync() => Task.WhenAll(
        Outage is null ? Task.CompletedTask : Loads.LoadAsync(_forOutage, Outage, (outage, ct) => OutageQueries.GetWorkOrdersByOutageAsync(outage, 100, ct)),
        Loads.LoadAsync(_summary, OutageQueries.GetWorkOrderSummaryAsync),
        Loads.LoadAsync(_crews, ct => Queries.GetCrewsAsync(500, ct)),
        Loads.LoadAsync(_open, ct => Queries.GetOpenWorkOrdersAsync(1_000, ct)));
}
