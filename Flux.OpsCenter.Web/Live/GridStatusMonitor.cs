using System.Threading.Channels;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Queries;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Live;

/// <summary>
/// Polls circuit status, active outages, alarms and KPIs on an interval (or at once when signalled), diffs against
/// the previous snapshot and publishes each change batch with the next sequence number. A failed poll never stops
/// the loop: the snapshot is republished with <see cref="GridStatusSnapshot.StaleSince"/> set until a poll succeeds.
/// While nobody watches (no page, hub client or recent API read) it polls at the idle interval, woken by writes and by
/// the first watcher.
/// </summary>
public sealed partial class GridStatusMonitor(
    GridQueries queries,
    GridStatusFeed feed,
    IOptions<LiveOptions> options,
    TimeProvider time,
    ILogger<GridStatusMonitor> logger) : BackgroundService, IStatusPollSignal
{
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // Polls never overlap: two concurrent polls would both publish "the next" sequence number.
    private readonly SemaphoreSlim _polling = new(1, 1);
    private long _sequence;

    /// <summary>Polls that failed since the process started.</summary>
    public int FailedPolls { get; private set; }

    /// <summary>When the last successful poll finished, or null before the first one.</summary>
    public DateTimeOffset? LastSuccessAt { get; private set; }

    /// <summary>Why the most recent poll failed, or null when it succeeded (readiness reports it).</summary>
    public string? LastFailure { get; private set; }

    public void PollNow() => _nudges.Writer.TryWrite(true);

    /// <summary>One poll: query, diff, publish. Public so tests can drive the monitor without timing.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        await _polling.WaitAsync(cancellationToken);
        try
        {
            await PollAsync(cancellationToken);
        }
        finally
        {
            _polling.Release();
        }
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        feed.Watched += OnWatched;
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        feed.Watched -= OnWatched;
        _polling.Dispose();
        base.Dispose();
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        var previous = feed.Current;
        try
        {
            var kpis = await queries.GetKpisAsync(cancellationToken);
            var circuits = await queries.GetCircuitStatusAsync(GridQueries.MaxRows, cancellationToken);
            var outages = await queries.GetActiveOutagesAsync(GridQueries.MaxRows, cancellationToken);
            // The app's clock decides which shelves are in force: an expired shelf lets its alarm back in at this poll.
            var alarms = await queries.GetAlarmsAsync(time.GetUtcNow(), options.Value.AlarmLimit, cancellationToken);
            var next = new GridStatusSnapshot(
                previous is null ? ++_sequence : _sequence + 1,
                time.GetUtcNow(),
                StaleSince: null,
                kpis,
                [.. GridStatusDiff.WorstFirst(circuits.Select(CircuitState.From))],
                outages,
                [.. GridStatusDiff.AlarmOrder(alarms)]);
            LastSuccessAt = next.PublishedAt;
            LastFailure = null;
            if (previous is null)
            {
                feed.Publish(next, delta: null);
                return;
            }

            var delta = GridStatusDiff.Between(previous, next);
            if (delta.HasChanges || previous.StaleSince is not null)
            {
                _sequence = next.Sequence;
                feed.Publish(next, delta);
            }
        }
        catch (FluxDataException ex)
        {
            FailedPolls++;
            LastFailure = $"{ex.Source} {ex.Kind}: {ex.Message}";
            Log.PollFailed(logger, ex.Source, ex.Kind, ex.Message);
            if (previous is not null && previous.StaleSince is null)
            {
                // Keep the last good figures and say since when they are stale.
                var stale = previous with { Sequence = ++_sequence, PublishedAt = time.GetUtcNow(), StaleSince = time.GetUtcNow() };
                feed.Publish(stale, GridStatusDiff.Between(previous, stale));
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The tick loop is one of the two catch-alls: nothing a poll throws may stop live status.
                FailedPolls++;
                LastFailure = ex.Message;
                Log.PollCrashed(logger, ex);
            }

            try
            {
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var settings = options.Value;
                var interval = feed.IsWatched(time.GetUtcNow(), settings.ReadWindow) ? settings.PollIntervalFor(queries.SourceKind) : settings.IdlePollInterval;
                var delay = Task.Delay(interval, time, tick.Token);
                var nudge = _nudges.Reader.WaitToReadAsync(tick.Token).AsTask();
                await Task.WhenAny(delay, nudge);
                _nudges.Reader.TryRead(out _);
                await tick.CancelAsync();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void OnWatched(object? sender, EventArgs e) => PollNow();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Status poll failed ({Source} {Kind}): {Reason}; panels show stale data")]
        public static partial void PollFailed(ILogger logger, DataSourceKind source, DataErrorKind kind, string reason);

        [LoggerMessage(Level = LogLevel.Error, Message = "Status poll crashed; the monitor keeps running")]
        public static partial void PollCrashed(ILogger logger, Exception exception);
    }
}
