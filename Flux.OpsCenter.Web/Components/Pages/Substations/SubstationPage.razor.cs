using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Substations;

/// <summary>One substation: load against capacity, its feeders, its riskiest transformers and recent outages.</summary>
public sealed partial class SubstationPage
{
    // Keyed by the station id: a link to a neighbour station reuses this page and must never show this one's data.
    private readonly PanelLoad<string, SubstationSummary?> _substation = new();
    private readonly PanelLoad<string, IReadOnlyList<FeederSummary>> _feeders = new();
    private readonly PanelLoad<string, IReadOnlyList<TransformerSummary>> _risk = new();
    private readonly PanelLoad<string, IReadOnlyList<Outage>> _outages = new();

    /// <summary>The substation id from the route.</summary>
    [Parameter]
    public string SubstationId { get; set; } = "";

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    // All of a station's loads start together, so no render shows one panel's new station beside another's previous one.
    protected override Task OnParametersSetAsync() => Task.WhenAll(
        Loads.LoadSubjectAsync(_substation, SubstationId, Queries.GetSubstationAsync, Navigation),
        Loads.LoadAsync(_feeders, SubstationId, Queries.GetFeedersBySubstationAsync),
        Loads.LoadAsync(_risk, SubstationId, (id, ct) => Queries.GetSubstationTransformersAtRiskAsync(id, 25, ct)),
        Loads.LoadAsync(_outages, SubstationId, (id, ct) => Queries.GetOutagesBySubstationAsync(id, 50, ct)));

    // About three kilometres around the station: its feeder heads and the first transformers.
    private static GeoBox Around(SubstationSummary substation) =>
        new(substation.Longitude - 0.03, substation.Latitude - 0.02, substation.Longitude + 0.03, substation.Latitude + 0.02);
}
