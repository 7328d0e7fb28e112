using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Analysis;
using Flux.OpsCenter.Data.Analysis.Cascade;
using Flux.OpsCenter.Data.Analysis.Graph;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Cascade;

/// <summary>Scenario builder, wave-by-wave map, tiles, chart and impact tabs for cascade simulations.</summary>
public sealed partial class CascadePage : IDisposable
{
    private string _presetKey = CascadeScenario.Presets[0].Key;
    private double _temperature;
    private double _multiplier;
    private double _threshold;
    private string? _patientZero;
    private Dictionary<string, string[]> _errors = [];
    private IReadOnlyList<CascadeCandidate> _candidates = [];
    private IReadOnlyList<PrecomputedCascadeRow> _precomputed = [];
    private IReadOnlyList<GridNodeInfo> _background = [];
    private CascadeResult? _result;
    private CascadeImpact? _impact;
    private int? _focusWave;
    private bool _running;
    private string? _error;
    private CancellationTokenSource? _run;

    [Inject]
    private CascadeService _service { get; set; } = default!;

    private CascadeScenario Preset => CascadeScenario.Find(_presetKey) ?? CascadeScenario.Presets[0];

    private string StatusText => _service.Status switch
    {
        { Error: { } error } => $"Precompute failed: {error}",
        { IsComplete: true } s => $"{s.Total:N0} precomputed scenarios",
        { Total: > 0 } s => $"{s.Stage}: {s.Done:N0} of {s.Total:N0}",
        var s => s.Stage,
    };

    protected override async Task OnInitializedAsync()
    {
        OnPresetChanged(_presetKey);
        try
        {
            var graph = await _service.GetGraphAsync(CancellationToken.None);
            _background = [.. graph.Search("SUB-", 2_000).Where(n => n.Type == GridNodeType.Substation)];
            _candidates = await _service.GetCandidatesAsync(15, CancellationToken.None);
            _precomputed = await _service.GetPrecomputedAsync(8, CancellationToken.None);
        }
        catch (FluxDataException ex)
        {
            _error = $"Cascade data unavailable: {ex.Message}";
        }
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
            return _candidates.Select(c => c.NodeId);
        }

        var graph = await _service.GetGraphAsync(cancellationToken);
        return graph.Search(text.Trim(), 20).Select(n => n.Id);
    }

    private async Task RunAsync()
    {
        var parameters = new CascadeParameters(_temperature, _multiplier, _threshold);
        _errors = new Dictionary<string, string[]>(parameters.Validate());
        var patientZero = string.IsNullOrWhiteSpace(_patientZero) ? null : _patientZero.Trim();
        if (patientZero is not null && (await _service.GetGraphAsync(CancellationToken.None)).IndexOf(patientZero) < 0)
        {
            _errors["patientZeroId"] = [$"Node '{patientZero}' is not in the grid graph."];
        }

        if (_errors.Count > 0)
        {
            return;
        }

        var preset = Preset;
        var custom = (preset.TemperatureC, preset.LoadMultiplier, preset.FailureThreshold) != (_temperature, _multiplier, _threshold);
        await ShowAsync(token => _service.SimulateAsync(patientZero, parameters, custom ? $"{preset.Name} (custom)" : preset.Name, token));
    }

    private Task OpenPrecomputedAsync(string scenarioId) => ShowAsync(async token =>
        await _service.OpenPrecomputedAsync(scenarioId, token) ?? throw new KeyNotFoundException($"Scenario {scenarioId} is gone."));

    private async Task ShowAsync(Func<CancellationToken, Task<CascadeResult>> simulate)
    {
        // A new run cancels the previous one and late results are ignored.
        _run?.Cancel();
        _run?.Dispose();
        _run = new CancellationTokenSource();
        var token = _run.Token;
        _running = true;
        _error = null;
        try
        {
            var result = await simulate(token);
            var impact = await _service.AnalyseAsync(result, token);
            if (!token.IsCancellationRequested)
            {
                (_result, _impact, _focusWave) = (result, impact, null);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (ex is FluxDataException or KeyNotFoundException)
        {
            _error = ex.Message;
        }
        finally
        {
            _running = false;
        }
    }

    public void Dispose()
    {
        _run?.Cancel();
        _run?.Dispose();
    }
}
