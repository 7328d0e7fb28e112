using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>
/// A component that follows the live grid status: subscribes to the in-process feed, re-renders on every snapshot
/// or delta (marshalled with InvokeAsync), and unsubscribes when disposed. Components never open a hub connection
/// to their own server.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private static readonly IReadOnlySet<string> NothingChanged = new HashSet<string>(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();
    private GridStatusSubscription? _subscription;

    [Inject]
    protected GridStatusFeed Feed { get; set; } = default!;

    /// <summary>The latest live state, or null before the monitor's first poll.</summary>
    protected GridStatusSnapshot? Live { get; private set; }

    /// <summary>Ids of circuits, outages and alarms that changed in the latest delta, for a brief highlight.</summary>
    protected IReadOnlySet<string> JustChanged { get; private set; } = NothingChanged;

    protected override void OnInitialized()
    {
        _subscription = Feed.Subscribe();
        Live = Feed.Current;
        if (RendererInfo.IsInteractive)
        {
            _ = FollowAsync(_subscription, _disposed.Token);
        }
    }

    /// <summary>Called on the renderer's thread after the live state changed, before re-rendering.</summary>
    protected virtual void OnLiveChanged(GridStatusSnapshot? previous, GridStatusSnapshot current)
    {
    }

    private async Task FollowAsync(GridStatusSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            while (await subscription.NextAsync(cancellationToken) is { } state)
            {
                await InvokeAsync(() =>
                {
                    var previous = Live;
                    JustChanged = Changes(subscription.LastDelta);
                    Live = state;
                    OnLiveChanged(previous, state);
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
    }

    // From the delta the feed already computed: diffing the snapshots again here would cost every open page
    // three dictionaries of every circuit per change.
    private static IReadOnlySet<string> Changes(GridStatusDelta? delta) =>
        delta is null ? NothingChanged
        : new HashSet<string>(delta.ChangedCircuits.Select(c => c.CircuitId)
            .Concat(delta.StartedOrChangedOutages.Select(o => o.OutageId))
            .Concat(delta.ChangedAlarms.Select(a => a.AlarmId)), StringComparer.Ordinal);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.Cancel();
            _subscription?.Dispose();
            _disposed.Dispose();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
