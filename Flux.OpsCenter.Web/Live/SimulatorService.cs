using Flux.OpsCenter.Data.Synthetic;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Live;

/// <summary>Runs the live event simulator in embedded mode and nudges the monitor after every write.</summary>
public sealed partial class SimulatorService(
    LiveEventSimulator simulator,
    IStatusPollSignal monitor,
    GridStatusFeed feed,
    IOptions<SimulatorOptions> options,
    IOptions<LiveOptions> live,
    TimeProvider time,
    ILogger<SimulatorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        simulator.Changed += OnChanged;
        try
        {
            await simulator.InitializeAsync(stoppingToken);
            if (!options.Value.Enabled)
            {
                return;
            }

            if (options.Value.CatchUp)
            {
                var wallClock = time.GetUtcNow();
                Log.CatchingUp(logger, simulator.SimulatedNow, wallClock);
                var caughtUp = await simulator.CatchUpAsync(progress: null, stoppingToken);
                Log.CaughtUp(logger, caughtUp.Simulated.TotalHours, caughtUp.Skipped.TotalHours, caughtUp.Writes, caughtUp.To);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                // Simulated time follows the wall clock whatever the step, so while nobody watches, fewer and larger steps
                // make the same events for less work; a page opening is answered by the monitor's snapshot meanwhile.
                var watched = feed.IsWatched(time.GetUtcNow(), live.Value.ReadWindow);
                await Task.Delay(watched ? options.Value.StepInterval : Max(options.Value.StepInterval, live.Value.IdlePollInterval), time, stoppingToken);
                try
                {
                    await simulator.StepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed step (file locked, a constraint) must not end the simulation for good.
                    Log.StepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            simulator.Changed -= OnChanged;
        }
    }

    private void OnChanged(object? sender, EventArgs e) => monitor.PollNow();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Simulator catching up from the data's {DataAsOf:u} to the wall clock {WallClock:u}")]
        public static partial void CatchingUp(ILogger logger, DateTimeOffset dataAsOf, DateTimeOffset wallClock);

        [LoggerMessage(Level = LogLevel.Information, Message = "Simulator caught up: {SimulatedHours:F1} h simulated, {SkippedHours:F1} h skipped, {Writes} writes; data as of {DataAsOf:u}")]
        public static partial void CaughtUp(ILogger logger, double simulatedHours, double skippedHours, int writes, DateTimeOffset dataAsOf);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Simulator step failed; it will try again")]
        public static partial void StepFailed(ILogger logger, Exception exception);
    }
}
