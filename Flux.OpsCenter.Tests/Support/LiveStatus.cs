using Flux.OpsCenter.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Waits on the app's live-status feed instead of on time.</summary>
internal static class LiveStatus
{
    /// <summary>Completes once the monitor has published its first snapshot, i.e. after its first successful poll.</summary>
    public static async Task FirstPublishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // A subscription's first message is the current snapshot, or the first one published after subscribing.
        // It does not count as a watcher: a watcher would wake the monitor into a second poll that could land at any
        // moment after this returns, and tests count the statements the app runs.
        using var subscription = services.GetRequiredService<GridStatusFeed>().Subscribe(watching: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await subscription.NextAsync(timeout.Token);
    }
}
