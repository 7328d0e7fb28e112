namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// What a trace found: the assets reached (counted by type, listed up to <see cref="NetworkTracer.MaxListedAssets"/>),
/// the ACTIVE customers concerned (total, critical care, by class), the energising source and the isolating devices.
/// </summary>
public sealed record TraceResult(
    string AssetId,
    string AssetType,
    TraceDirection Direction,
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
    IReadOnlyList<TracedAsset> IsolatingDevices);
