using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Vegetation;

public sealed partial class VegetationPage
{
    private readonly PanelLoad<string, IReadOnlyList<VegetationFeederRisk>> _list = new();

    [Inject]
    private VegetationQueries Queries { get; set; } = default!;

    protected override Task OnParametersSetAsync() => Loads.LoadAsync(_list, ct => Queries.GetVegetationWorkListAsync(GridQueries.MaxRows, ct));
}
