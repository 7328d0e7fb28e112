using System.Diagnostics;
using System.Runtime;
using Flux.OpsCenter.Web.Live;

namespace Flux.OpsCenter.Web.Diagnostics;

/// <summary>
/// Reads the process's memory for operators and the benchmark. Reading is cheap (counters only); a compacting
/// collection first is a full blocking GC, so it is allowed at most once per <see cref="CompactionInterval"/>.
/// </summary>
public sealed class MemoryDiagnostics(OpenCircuits circuits, GridStatusFeed feed, TimeProvider clock)
{
    /// <summary>Shortest time between two forced compactions, so the endpoint cannot be used to stall the server.</summary>
    public static readonly TimeSpan CompactionInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private DateTimeOffset _lastCompaction = DateTimeOffset.MinValue;

    /// <summary>The current figures, after a compacting full collection when <paramref name="compact"/>; null when one ran too recently.</summary>
    public MemoryReport? Measure(bool compact)
    {
        if (compact)
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (now - _lastCompaction < CompactionInterval)
                {
                    return null;
                }

                _lastCompaction = now;
            }

            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        var info = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        return new MemoryReport(
            clock.GetUtcNow(),
            compact,
            GC.GetTotalMemory(forceFullCollection: false),
            info.HeapSizeBytes,
            info.FragmentedBytes,
            info.TotalCommittedBytes,
            process.WorkingSet64,
            process.PrivateMemorySize64,
            GCSettings.IsServerGC,
            GC.CollectionCount(GC.MaxGeneration),
            circuits.Count,
            feed.SubscriberCount,
            feed.Current?.Sequence ?? 0);
    }
}
