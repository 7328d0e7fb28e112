using System.Threading.Channels;

namespace Flux.OpsCenter.Web.Live;

/// <summary>
/// The in-process publish side of live status: one bounded channel per subscriber that drops its oldest message
/// when full, so a slow subscriber can never block the monitor (it sees a sequence gap and resyncs instead).
/// </summary>
public sealed class GridStatusFeed(Microsoft.Extensions.Options.IOptions<LiveOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<Channel<object>> _subscribers = [];
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _watchers;
    private long _lastReadTicks;

    /// <summary>The latest snapshot, or null before the first successful poll.</summary>
    public GridStatusSnapshot? Current { get; private set; }

    /// <summary>Raised (outside any lock) after each publish; cheap observers such as tests and benchmarks use it.</summary>
    public event EventHandler<GridStatusDelta>? Published;

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>
    /// Raised when someone starts watching after nobody did (a page opened, a hub client connected, an API read after a
    /// quiet spell), so the monitor can poll at once and return to its fast interval.
    /// </summary>
    public event EventHandler? Watched;

    /// <summary>Open pages and hub clients following live status; internal relays and followers do not count.</summary>
    public int WatcherCount => Volatile.Read(ref _watchers);

    /// <summary>When a read API last answered from the snapshot; null when none has.</summary>
    public DateTimeOffset? LastReadAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastReadTicks);
            return ticks > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    /// <summary>True while someone follows live status or read it within <paramref name="window"/> before <paramref name="now"/>.</summary>
    public bool IsWatched(DateTimeOffset now, TimeSpan window) => WatcherCount > 0 || (LastReadAt is { } read && now - read < window);

    /// <summary>Subscribes; the first message is the current snapshot when there is one, then deltas follow.</summary>
    /// <param name="watching">False for in-process relays and followers, which run whether or not anyone looks.</param>
    public GridStatusSubscription Subscribe(bool watching = true)
    {
        var channel = Channel.CreateBounded<object>(new BoundedChannelOptions(Math.Max(2, options.Value.SubscriberBuffer))
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        lock (_gate)
        {
            if (Current is not null)
            {
                channel.Writer.TryWrite(Current);
            }

            _subscribers.Add(channel);
        }

        if (watching)
        {
            AddWatcher();
        }

        return new GridStatusSubscription(this, channel, watching);
    }

    /// <summary>Counts a watcher that does not read the feed itself (a hub connection, served by the broadcaster).</summary>
    public void AddWatcher()
    {
        if (Interlocked.Increment(ref _watchers) == 1)
        {
            Watched?.Invoke(this, EventArgs.Empty);
        }
    }

    public void RemoveWatcher() => Interlocked.Decrement(ref _watchers);

    /// <summary>Notes a read API answered from the snapshot at <paramref name="now"/>; the first after a quiet spell wakes the monitor.</summary>
    public void NoteRead(DateTimeOffset now, TimeSpan window)
    {
        var previous = Interlocked.Exchange(ref _lastReadTicks, now.UtcTicks);
        if (WatcherCount == 0 && (previous == 0 || now.UtcTicks - previous >= window.Ticks))
        {
            Watched?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>The current snapshot, waiting for the monitor's first successful poll when there is none yet.</summary>
    public async Task<GridStatusSnapshot> GetCurrentAsync(CancellationToken cancellationToken)
    {
        await _first.Task.WaitAsync(cancellationToken);
        return Current!;
    }

    /// <summary>Publishes the first snapshot, or the delta to <paramref name="next"/>.</summary>
    public void Publish(GridStatusSnapshot next, GridStatusDelta? delta)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            Current = next;
            _first.TrySetResult();
            object message = delta is null ? next : new PublishedDelta(delta, next);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(message);
            }
        }

        if (delta is not null)
        {
            Published?.Invoke(this, delta);
        }
    }

    internal void Remove(Channel<object> channel, bool watching)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        if (watching)
        {
            RemoveWatcher();
        }

        channel.Writer.TryComplete();
    }
}
