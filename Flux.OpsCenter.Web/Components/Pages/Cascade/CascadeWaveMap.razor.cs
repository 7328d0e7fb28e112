using System.Globalization;
using Flux.OpsCenter.Data.Analysis.Cascade;
using Flux.OpsCenter.Data.Analysis.Graph;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Pages.Cascade;

/// <summary>Self-contained SVG map of a cascade: nodes appear wave by wave (play, pause, step) and one wave can be focused.</summary>
public sealed partial class CascadeWaveMap : IDisposable
{
    private const double Width = 900;
    private const double Height = 420;
    private static readonly string[] Palette =
    [
        "var(--mud-palette-error)", "var(--mud-palette-tertiary)", "var(--mud-palette-warning)", "var(--mud-palette-secondary)",
        "var(--mud-palette-info)", "var(--mud-palette-primary)",
    ];

    private Dictionary<string, (double Lat, double Lon)> _positions = [];
    private CascadeResult? _rendered;
    private double _minLat, _maxLat, _minLon, _maxLon;
    private int _shown;
    private bool _playing;
    private CancellationTokenSource? _player;

    /// <summary>The cascade to draw.</summary>
    [Parameter, EditorRequired]
    public required CascadeResult Result { get; set; }

    /// <summary>Substations (and other context) drawn faintly behind the cascade.</summary>
    [Parameter]
    public IReadOnlyList<GridNodeInfo> Background { get; set; } = [];

    /// <summary>The wave drawn alone at full strength, or null for all.</summary>
    [Parameter]
    public int? FocusWave { get; set; }

    /// <summary>Raised when the operator focuses (or unfocuses) a wave.</summary>
    [Parameter]
    public EventCallback<int?> FocusWaveChanged { get; set; }

    private int MaxWave => Result.MaxDepth;

    private IEnumerable<int> Waves => Enumerable.Range(0, MaxWave + 1);

    private IEnumerable<CascadeFailure> VisibleNodes => Result.Nodes.Where(n => n.Wave <= _shown);

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_rendered, Result))
        {
            return;
        }

        _rendered = Result;
        _positions = Result.Nodes.GroupBy(n => n.NodeId).ToDictionary(g => g.Key, g => (g.First().Latitude, g.First().Longitude), StringComparer.Ordinal);
        _positions[Result.PatientZero.Id] = (Result.PatientZero.Latitude, Result.PatientZero.Longitude);
        var lats = _positions.Values.Select(p => p.Lat).Concat(Background.Select(b => b.Latitude)).ToList();
        var lons = _positions.Values.Select(p => p.Lon).Concat(Background.Select(b => b.Longitude)).ToList();
        (_minLat, _maxLat, _minLon, _maxLon) = (lats.Min() - 0.01, lats.Max() + 0.01, lons.Min() - 0.01, lons.Max() + 0.01);
        _shown = MaxWave;
    }

    private (double X, double Y) Project(double lat, double lon)
    {
        // Equirectangular with the metro's latitude scale, fitted into the view box with equal units.
        var kx = Math.Cos((_minLat + _maxLat) / 2 * Math.PI / 180);
        var spanX = Math.Max(1e-6, (_maxLon - _minLon) * kx);
        var spanY = Math.Max(1e-6, _maxLat - _minLat);
        var scale = Math.Min((Width - 20) / spanX, (Height - 20) / spanY);
        var offsetX = (Width - (spanX * scale)) / 2;
        var offsetY = (Height - (spanY * scale)) / 2;
        return (offsetX + ((lon - _minLon) * kx * scale), offsetY + ((_maxLat - lat) * scale));
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string WaveColour(int wave) => Palette[Math.Min(wave, Palette.Length - 1)];

    private string Opacity(int wave, double full) =>
        (FocusWave is null || FocusWave == wave ? full : 0.15).ToString("0.##", CultureInfo.InvariantCulture);

    private async Task Focus(int wave) => await FocusWaveChanged.InvokeAsync(FocusWave == wave ? null : wave);

    private void Step()
    {
        StopPlaying();
        _shown = _shown >= MaxWave ? 0 : _shown + 1;
    }

    private async Task TogglePlay()
    {
        if (_playing)
        {
            StopPlaying();
            return;
        }

        _playing = true;
        _player = new CancellationTokenSource();
        var token = _player.Token;
        _shown = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(900));
        try
        {
            while (await timer.WaitForNextTickAsync(token))
            {
                _shown = _shown >= MaxWave ? 0 : _shown + 1;
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // Paused or disposed.
        }
    }

    private void StopPlaying()
    {
        _playing = false;
        _player?.Cancel();
        _player?.Dispose();
        _player = null;
    }

    public void Dispose() => StopPlaying();
}
