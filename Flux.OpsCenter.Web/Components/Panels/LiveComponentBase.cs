using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>
/// A component that follows the live grid status: subscribes to the in-process feed, re-renders on every snapshot
/// or delta (marshalled with InvokeAsync), and unsubscribes when disposed. Components never open a hub connection
/// to their own server. The snapshot is a <see cref="PanelLoad{TKey, TValue}"/> like any other panel's data: loading
/// until the monitor's first poll, stale since the poll that first failed.
/// </summary>
public abstract class LiveComponentBase : PanelComponentBase
{
    private const string StaleReason = "the grid status poll is failing; showing the last status it read";
    private static readonly IReadOnlySet<string> NothingChanged = new HashSet<string>(StringComparer.Ordinal);
    private GridStatusSubscription? _subscription;

    [Inject]
    protected GridStatusFeed Feed { get; set; } = default!;

    /// <summary>The live status as a panel load, for the <see cref="Panel"/> shell.</summary>
    protected PanelLoad<GridStatusFeed, GridStatusSnapshot> LiveStatus { get; } = new();

    /// <summary>The latest live state, or null before the monitor's first poll.</summary>
    protected GridStatusSnapshot? Live => LiveStatus.Value;

    /// <summary>Ids of circuits, outages and alarms that changed in the latest delta, for a brief highlight.</summary>
    protected IReadOnlySet<string> JustChanged { get; private set; } = NothingChanged;

    protected override void OnInitialized()
    {
        _subscription = Feed.Subscribe();
        if (Feed.Current is { } current)
        {
            Receive(current);
        }

        if (RendererInfo.IsInteractive)
        {
            _ = FollowAsync(_subscription, Loads.Token);
        }
    }

    /// <summary>Called on the renderer's thread after the live state changed, before re-rendering.</summary>
    protected virtual void OnLiveChanged(GridStatusSnapshot? previous, GridStatusSnapshot current)
    {
    }

    private void Receive(GridStatusSnapshot state) => LiveStatus.Push(Feed, state, state.StaleSince, StaleReason);

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
                    Receive(state);
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
        catch (Exception ex)
        {
            // Nobody awaits this loop: without dispatching, a failure would silently stop the panel following live status.
            await DispatchExceptionAsync(ex);
        }
    }

    // From the delta the feed already computed: diffing the snapshots again here would cost every open page
    // three dictionaries of every circuit per change.
    private static IReadOnlySet<string> Changes(GridStatusDelta? delta) =>
        delta is null ? NothingChanged
        : new HashSet<string>(delta.ChangedCircuits.Select(c => c.CircuitId)
            .Concat(delta.StartedOrChangedOutages.Select(o => o.OutageId))
            .Concat(delta.ChangedAlarms.Select(a => a.AlarmId)), StringComparer.Ordinal);

    protected override void Dispose(bool disposing)
    {
        // The scope first: the follow loop must see its cancellation before the subscription goes.
        base.Dispose(disposing);
        if (disposing)
        {
            _subscription?.Dispose();
        }
    }
}
