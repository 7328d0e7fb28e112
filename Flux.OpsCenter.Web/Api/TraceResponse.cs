using Flux.OpsCenter.Data.Analysis.Network;

namespace Flux.OpsCenter.Web.Api;

/// <summary>The JSON shape of a trace: the direction spelled as in the query string, everything else as traced.</summary>
public sealed record TraceResponse(
    string Asset,
    string AssetType,
    string Direction,
    bool Energized,
    string? SourceSubstationId,
    string? SourceCircuitId,
    string? SourceBreakerId,
    IReadOnlyDictionary<string, int> AssetsByType,
    IReadOnlyList<TracedAsset> Assets,
    bool AssetsTruncated,
    int Customers,
    int CriticalCareCustomers,
    IReadOnlyDictionary<string, int> CustomersByClass,
    IReadOnlyList<TracedAsset> IsolatingDevices)
{
    public static TraceResponse From(TraceResult trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return new(trace.AssetId, trace.AssetType, trace.Direction.ToString().ToLowerInvariant(), trace.Energized, trace.SourceSubstationId,
            trace.SourceCircuitId, trace.SourceBreakerId, trace.AssetsByType, trace.Assets, trace.AssetsTruncated, trace.Customers,
            trace.CriticalCareCustomers, trace.CustomersByClass, trace.IsolatingDevices);
    }
}
