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

    /// <summary>Subscribes; the first message is the current snapshot when there is one, then deltas follow.</summary>
    public GridStatusSubscription Subscribe()
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

        return new GridStatusSubscription(this, channel);
    }

    /// <summary>Publishes the first snapshot, or the delta to <paramref name="next"/>.</summary>
    public void Publish(GridStatusSnapshot next, GridStatusDelta? delta)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            Current = next;
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

    internal void Remove(Channel<object> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }
}
