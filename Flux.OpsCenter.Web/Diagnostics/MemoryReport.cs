namespace Flux.OpsCenter.Web.Diagnostics;

/// <summary>
/// The process's memory at one moment, as <c>/api/diagnostics/memory</c> answers it. <see cref="ManagedBytes"/> is what
/// the managed heap holds; after a compacting collection (<see cref="Compacted"/>) it is what is really retained.
/// <see cref="LiveSequence"/> is the status feed's sequence, which moves while live status flows.
/// </summary>
public sealed record MemoryReport(
    DateTimeOffset MeasuredAt,
    bool Compacted,
    long ManagedBytes,
    long HeapSizeBytes,
    long FragmentedBytes,
    long CommittedBytes,
    long WorkingSetBytes,
    long PrivateMemoryBytes,
    bool ServerGc,
    int Gen2Collections,
    int OpenCircuits,
    int LiveSubscribers,
    long LiveSequence);
