using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.TransformerRisk;

public sealed partial class TransformerRiskPage
{
    private readonly PanelLoad<string, IReadOnlyList<Data.Grid.TransformerRisk>> _list = new();
    private readonly PanelLoad<string, TransformerRiskModelSummary?> _model = new();

    [Inject]
    private TransformerRiskQueries Queries { get; set; } = default!;

    protected override Task OnParametersSetAsync() => Task.WhenAll(
        Loads.LoadAsync(_model, ct => Queries.GetTransformerRiskModelAsync(ct)),
        Loads.LoadAsync(_list, ct => Queries.GetFleetTransformerRiskAsync(GridQueries.MaxRows, ct)));
}
