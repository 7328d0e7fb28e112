using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Substations;

/// <summary>One substation: load against capacity, its feeders, its riskiest transformers and recent outages.</summary>
public sealed partial class SubstationPage : IDisposable
{
    private readonly PanelData<SubstationSummary?> _substation = new();
    private readonly PanelData<IReadOnlyList<FeederSummary>> _feeders = new();
    private readonly PanelData<IReadOnlyList<TransformerSummary>> _risk = new();
    private readonly PanelData<IReadOnlyList<Outage>> _outages = new();
    private readonly RouteLoads _loads = new();

    /// <summary>The substation id from the route.</summary>
    [Parameter]
    public string SubstationId { get; set; } = "";

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        var token = await _loads.RestartAsync();
        var id = SubstationId;
        await _substation.LoadAsync(ct => Queries.GetSubstationAsync(id, ct), Clock, token);
        if (_substation.State == PanelState.Ready && _substation.Value is null)
        {
            Navigation.NotFound();
            return;
        }

        await Task.WhenAll(
            _feeders.LoadAsync(ct => Queries.GetFeedersBySubstationAsync(id, ct), Clock, token),
            _risk.LoadAsync(ct => Queries.GetSubstationTransformersAtRiskAsync(id, 25, ct), Clock, token),
            _outages.LoadAsync(ct => Queries.GetOutagesBySubstationAsync(id, 50, ct), Clock, token));
    }

    public void Dispose() => _loads.Dispose();

    // About three kilometres around the station: its feeder heads and the first transformers.
    private static GeoBox Around(SubstationSummary substation) =>
        new(substation.Longitude - 0.03, substation.Latitude - 0.02, substation.Longitude + 0.03, substation.Latitude + 0.02);
}
