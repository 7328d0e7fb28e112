using Flux.OpsCenter.Data.Analysis;
using Flux.OpsCenter.Data.Analysis.Cascade;
using Flux.OpsCenter.Data.Analysis.Graph;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Cascade;

/// <summary>Scenario builder, wave-by-wave map, tiles, chart and impact tabs for cascade simulations.</summary>
public sealed partial class CascadePage
{
    private readonly PanelLoad<string, CascadeSetup> _setup = new();
    private readonly PanelLoad<CascadeRun, CascadeView?> _run = new();
    private string _presetKey = CascadeScenario.Presets[0].Key;
    private double _temperature;
    private double _multiplier;
    private double _threshold;
    private string? _patientZero;
    private Dictionary<string, string[]> _errors = [];
    private int? _focusWave;

    [Inject]
    private CascadeService Service { get; set; } = default!;

    private CascadeScenario Preset => CascadeScenario.Find(_presetKey) ?? CascadeScenario.Presets[0];

    private string StatusText => Service.Status switch
    {
        { Error: { } error } => $"Precompute failed: {error}",
        { IsComplete: true } s => $"{s.Total:N0} precomputed scenarios",
        { Total: > 0 } s => $"{s.Stage}: {s.Done:N0} of {s.Total:N0}",
        var s => s.Stage,
    };

    private IReadOnlyList<CascadeCandidate> Candidates => _setup.Value?.Candidates ?? [];

    protected override Task OnInitializedAsync()
    {
        OnPresetChanged(_presetKey);
        return Loads.LoadAsync(_setup, SetupAsync);
    }

    private async Task<CascadeSetup> SetupAsync(CancellationToken cancellationToken)
    {
        var graph = await Service.GetGraphAsync(cancellationToken);
        return new CascadeSetup(
            [.. graph.Search("SUB-", 2_000).Where(n => n.Type == GridNodeType.Substation)],
            await Service.GetCandidatesAsync(15, cancellationToken),
            await Service.GetPrecomputedAsync(8, cancellationToken));
    }

    private void OnPresetChanged(string key)
    {
        _presetKey = key;
        var preset = Preset;
        (_temperature, _multiplier, _threshold) = (preset.TemperatureC, preset.LoadMultiplier, preset.FailureThreshold);
    }

    private async Task<IEnumerable<string>> SearchNodesAsync(string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Candidates.Select(c => c.NodeId);
        }

        var graph = await Service.GetGraphAsync(cancellationToken);
        return graph.Search(text.Trim(), 20).Select(n => n.Id);
    }

    private async Task SimulateAsync()
    {
        var parameters = new CascadeParameters(_temperature, _multiplier, _threshold);
        _errors = new Dictionary<string, string[]>(parameters.Validate());
        var patientZero = string.IsNullOrWhiteSpace(_patientZero) ? null : _patientZero.Trim();
        if (patientZero is not null && (await Service.GetGraphAsync(Loads.Token)).IndexOf(patientZero) < 0)
        {
            _errors["patientZeroId"] = [$"Node '{patientZero}' is not in the grid graph."];
        }

        if (_errors.Count > 0)
        {
            return;
        }

        var preset = Preset;
        var custom = (preset.TemperatureC, preset.LoadMultiplier, preset.FailureThreshold) != (_temperature, _multiplier, _threshold);
        await ShowAsync(new CascadeRun(null, patientZero, parameters, custom ? $"{preset.Name} (custom)" : preset.Name));
    }

    private Task OpenPrecomputedAsync(string scenarioId) => ShowAsync(new CascadeRun(scenarioId, null, null, null));

    // A new run cancels the previous one and its late result is ignored: the panel load owns that.
    private async Task ShowAsync(CascadeRun run)
    {
        _focusWave = null;
        await Loads.LoadAsync(_run, run, ComputeAsync);
    }

    private async Task<CascadeView?> ComputeAsync(CascadeRun run, CancellationToken cancellationToken)
    {
        var result = run.ScenarioId is { } scenarioId
            ? await Service.OpenPrecomputedAsync(scenarioId, cancellationToken)
            : await Service.SimulateAsync(run.PatientZero, run.Parameters!, run.Name!, cancellationToken);
        return result is null ? null : new CascadeView(result, await Service.AnalyseAsync(result, cancellationToken));
    }

    /// <summary>What a run is: a precomputed scenario, or a simulation from a patient zero with parameters.</summary>
    private sealed record CascadeRun(string? ScenarioId, string? PatientZero, CascadeParameters? Parameters, string? Name);

    private sealed record CascadeView(CascadeResult Result, CascadeImpact Impact);

    private sealed record CascadeSetup(IReadOnlyList<GridNodeInfo> Background, IReadOnlyList<CascadeCandidate> Candidates, IReadOnlyList<PrecomputedCascadeRow> Precomputed);
}
