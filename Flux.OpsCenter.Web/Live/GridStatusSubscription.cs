using System.Threading.Channels;

namespace Flux.OpsCenter.Web.Live;

/// <summary>
/// One subscriber's view of the feed: reads snapshots and deltas in order, applies them, and resyncs from the
/// feed's current snapshot whenever a delta does not follow on from the sequence it holds.
/// </summary>
public sealed class GridStatusSubscription : IDisposable
{
    private readonly GridStatusFeed _feed;
    private readonly Channel<object> _channel;
    private readonly bool _watching;
    private int _disposed;

    internal GridStatusSubscription(GridStatusFeed feed, Channel<object> channel, bool watching)
    {
        _feed = feed;
        _channel = channel;
        _watching = watching;
    }

    /// <summary>The state this subscriber holds, or null until the first snapshot.</summary>
    public GridStatusSnapshot? State { get; private set; }

    /// <summary>The delta that led to <see cref="State"/>, or null when it came from a snapshot (first message or resync).</summary>
    public GridStatusDelta? LastDelta { get; private set; }

    /// <summary>How many times this subscriber detected a gap and resynced.</summary>
    public int Resyncs { get; private set; }

    /// <summary>Waits for the next message and returns the state after it, or null when the feed closed.</summary>
    public async Task<GridStatusSnapshot?> NextAsync(CancellationToken cancellationToken)
    {
        while (await _channel.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_channel.Reader.TryRead(out var message) && Apply(message))
            {
                return State;
            }
        }

        return null;
    }

    /// <summary>
    /// The next message exactly as published (a snapshot or a delta), without applying it; for relays such as the
    /// hub broadcaster whose own clients detect gaps. Null when the feed closed.
    /// </summary>
    public async Task<object?> NextMessageAsync(CancellationToken cancellationToken)
    {
        while (await _channel.Reader.WaitToReadAsync(cancellationToken))
        {
            if (_channel.Reader.TryRead(out var message))
            {
                return message is PublishedDelta published ? published.Delta : message;
            }
        }

        return null;
    }

    /// <summary>Applies one message; false when it changed nothing (an old delta).</summary>
    internal bool Apply(object message)
    {
        switch (message)
        {
            case GridStatusSnapshot snapshot:
                if (State is not null && snapshot.Sequence <= State.Sequence)
                {
                    return false;
                }

                State = snapshot;
                LastDelta = null;
                return true;
            case PublishedDelta { Delta: var delta } when State is not null && delta.Sequence <= State.Sequence:
                return false;
            case PublishedDelta published when State is not null && published.Delta.PreviousSequence == State.Sequence:
                // In step: the published snapshot is exactly this delta applied to ours, and it is shared by everyone.
                State = published.Snapshot;
                LastDelta = published.Delta;
                return true;
            case PublishedDelta:
                // A gap (dropped messages) or a delta before any snapshot: start again from the current snapshot.
                Resyncs++;
                State = _feed.Current;
                LastDelta = null;
                return State is not null;
            default:
                return false;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _feed.Remove(_channel, _watching);
        }
    }
}
