using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>
/// One panel's data, keyed by what it shows (a feeder id, a period and scope, a list request). It owns its load the way
/// QuickGrid's <c>RefreshDataCoreAsync</c> does: a new load cancels the one still running, and a result that arrives
/// after a newer load started is dropped. A new key clears the value and shows loading; only a failed refresh of the
/// same key keeps the last good value on screen, stale since the first failure.
/// </summary>
public sealed class PanelLoad<TKey, TValue> : IPanelLoad
{
    private CancellationTokenSource? _pending;
    private bool _hasKey;
    private bool _hasValue;

    /// <summary>What the value on screen (or on its way) is for.</summary>
    public TKey? Key { get; private set; }

    public PanelState State { get; private set; } = PanelState.Loading;

    /// <summary>The last good value for <see cref="Key"/>; default while loading or failed.</summary>
    public TValue? Value { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>True while a load runs, also a refresh of the same key that keeps the current value on screen.</summary>
    public bool IsPending => _pending is not null;

    public DateTimeOffset? StaleSince { get; private set; }

    /// <summary>
    /// Loads <paramref name="key"/> within <paramref name="scope"/>; true when this load's outcome (value or failure) is
    /// what the panel now shows, false when a newer load or the end of the scope made it irrelevant.
    /// </summary>
    internal async Task<bool> LoadAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> load, PanelScope scope, bool renderValue = true)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(scope);
        _pending?.Cancel();
        using var thisLoad = CancellationTokenSource.CreateLinkedTokenSource(scope.Token);
        _pending = thisLoad;
        Expect(key);
        var before = (State, Reason);
        try
        {
            var value = await load(key, thisLoad.Token);
            if (thisLoad.IsCancellationRequested)
            {
                return false;
            }

            Show(value);
        }
        catch (OperationCanceledException) when (thisLoad.IsCancellationRequested)
        {
            return false;
        }
        catch (FluxDataException ex) when (!thisLoad.IsCancellationRequested)
        {
            Fail(PanelWording.Error(ex), scope.Clock.GetUtcNow());
        }
        catch (Exception ex) when (!thisLoad.IsCancellationRequested)
        {
            // Not a data failure but a bug: the panel says so and the component's error boundary gets the exception.
            Fail("an unexpected error occurred", scope.Clock.GetUtcNow());
            await scope.DispatchAsync(ex);
        }
        finally
        {
            if (ReferenceEquals(_pending, thisLoad))
            {
                _pending = null;
            }
        }

        // A server-paged grid draws its rows itself: re-rendering the page for every page of rows would hand the grid a
        // new ServerData delegate and reload it again, so only a change of state is drawn for it.
        if (renderValue || State != before.State || Reason != before.Reason)
        {
            scope.Changed();
        }

        return true;
    }

    /// <summary>Shows a value pushed by a feed for <paramref name="key"/>: ready, or stale when the feed says its source stopped answering.</summary>
    public void Push(TKey key, TValue value, DateTimeOffset? staleSince = null, string? staleReason = null)
    {
        Expect(key);
        Show(value);
        if (staleSince is { } since)
        {
            (State, StaleSince, Reason) = (PanelState.Stale, since, staleReason ?? "the source is not answering");
        }
    }

    /// <summary>Records a failure pushed by a feed for <paramref name="key"/>: stale if a value for the key is on screen, failed if not.</summary>
    public void PushFailure(TKey key, string error, DateTimeOffset at)
    {
        Expect(key);
        Fail(error, at);
    }

    private void Expect(TKey key)
    {
        if (_hasKey && EqualityComparer<TKey>.Default.Equals(Key, key))
        {
            return;
        }

        // Another subject: nothing of the previous one may stay on screen, not even as "stale".
        (Key, _hasKey, Value, _hasValue, State, Reason, StaleSince) = (key, true, default, false, PanelState.Loading, null, null);
    }

    private void Show(TValue value) =>
        (Value, _hasValue, State, Reason, StaleSince) = (value, true, PanelState.Ready, null, null);

    private void Fail(string error, DateTimeOffset at)
    {
        Reason = error;
        if (_hasValue)
        {
            State = PanelState.Stale;
            StaleSince ??= at;
        }
        else
        {
            State = PanelState.Failed;
        }
    }
}
