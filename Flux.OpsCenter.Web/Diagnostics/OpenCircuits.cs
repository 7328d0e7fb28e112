namespace Flux.OpsCenter.Web.Diagnostics;

/// <summary>How many Blazor circuits (open interactive pages) this process holds right now.</summary>
public sealed class OpenCircuits
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    internal void Opened() => Interlocked.Increment(ref _count);

    internal void Closed() => Interlocked.Decrement(ref _count);
}
