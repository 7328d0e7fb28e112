using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Web.Components.Map;
using Flux.OpsCenter.Web.Live;

namespace Flux.OpsCenter.Web.Components.Pages.Wall;

/// <summary>The unattended wall display: ticks its own clock and rotates the feeder spotlight without any input.</summary>
public sealed partial class WallPage
{
    private const int SpotlightCandidates = 10;
    private static readonly TimeSpan SpotlightPeriod = TimeSpan.FromSeconds(12);
    private DateTimeOffset _now;
    private int _spotlightIndex;

    private IReadOnlyList<Outage>? _areasOf;
    private IReadOnlyList<MapMarker> _areas = [];

    // Rebuilt only when the live outage list changes: the page renders every second for its clock, and a new marker
    // list each time would redraw the map's areas every second.
    private IReadOnlyList<MapMarker> OutageAreas
    {
        get
        {
            var outages = Live?.ActiveOutages ?? [];
            if (!ReferenceEquals(outages, _areasOf))
            {
                (_areasOf, _areas) = (outages, [.. outages.Select(MapMarker.ForOutage)]);
            }

            return _areas;
        }
    }

    private int SpotlightCount => Math.Min(SpotlightCandidates, Live?.Circuits.Count ?? 0);

    private CircuitState? Spotlight => SpotlightCount == 0 ? null : Live!.Circuits[_spotlightIndex % SpotlightCount];

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _now = Clock.GetUtcNow();
        if (RendererInfo.IsInteractive)
        {
            _ = TickAsync(Loads.Token);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Clock);
        var sinceRotation = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                sinceRotation += TimeSpan.FromSeconds(1);
                await InvokeAsync(() =>
                {
                    _now = Clock.GetUtcNow();
                    if (sinceRotation >= SpotlightPeriod)
                    {
                        sinceRotation = TimeSpan.Zero;
                        _spotlightIndex = SpotlightCount == 0 ? 0 : (_spotlightIndex + 1) % SpotlightCount;
                    }

                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Nobody awaits the clock: a failure goes to the error boundary instead of silently freezing the wall.
            await DispatchExceptionAsync(ex);
        }
    }
}
