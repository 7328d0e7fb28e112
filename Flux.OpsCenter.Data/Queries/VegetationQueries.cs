using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Queries;

/// <summary>Reads VEGETATION_RISK_COMPUTED and what a tree threatens, one method per query file.</summary>
public sealed class VegetationQueries(ISqlSource source)
{
    /// <summary>Every scored tree, unbounded: only <see cref="Analysis.Vegetation.VegetationIndexProvider"/> loads this, once per process.</summary>
    public Task<IReadOnlyList<VegetationTree>> GetVegetationRiskAsync(CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetVegetationRisk"), Tree, cancellationToken);

    public Task<IReadOnlyList<VegetationFeederRisk>> GetVegetationWorkListAsync(int limit, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetVegetationWorkList", Math.Clamp(limit, 1, GridQueries.MaxRows)), r => new VegetationFeederRisk(
            r.GetString("CIRCUIT_ID"),
            r.GetString("CIRCUIT_NAME"),
            r.GetString("SUBSTATION_ID"),
            r.GetInt64("TREES"),
            r.GetInt64("HIGH_TREES"),
            r.GetInt64("MEDIUM_TREES"),
            r.GetInt64("LOW_TREES"),
            r.GetInt64("TREES_IN_FALL_ZONE"),
            r.GetDouble("MAX_RISK_SCORE"),
            r.GetInt64("CUSTOMERS_SERVED"),
            r.GetNullableTimestamp("OLDEST_TRIM") is { } trim ? DateOnly.FromDateTime(trim.UtcDateTime) : null), cancellationToken);

    /// <summary>Transformers, poles and switching devices inside a box (at most 500).</summary>
    public Task<IReadOnlyList<NearbyAsset>> GetAssetsNearPointAsync(GeoBox box, CancellationToken cancellationToken)
    {
        object[] bounds = [box.MinLat, box.MaxLat, box.MinLon, box.MaxLon];
        return source.QueryAsync(QueryCatalog.Request("GetAssetsNearPoint", [.. bounds, .. bounds, .. bounds]), r => new NearbyAsset(
            r.GetString("ASSET_ID"), r.GetString("ASSET_TYPE"), r.GetString("CIRCUIT_ID"), r.GetDouble("LATITUDE"), r.GetDouble("LONGITUDE")), cancellationToken);
    }

    public async Task<FeederLineSegment?> GetLineSectionAsync(string segmentId, CancellationToken cancellationToken) =>
        (await source.QueryAsync(QueryCatalog.Request("GetLineSection", segmentId), RowMappers.FeederLine, cancellationToken)).SingleOrDefault();

    private static VegetationTree Tree(ISqlRow r) => new(
        r.GetString("TREE_ID"),
        r.GetDouble("LATITUDE"),
        r.GetDouble("LONGITUDE"),
        r.GetString("SPECIES"),
        r.GetDouble("HEIGHT_M"),
        r.GetDouble("CANOPY_RADIUS_M"),
        r.GetString("NEAREST_CIRCUIT_ID"),
        r.GetString("NEAREST_SEGMENT_ID"),
        r.GetDouble("LINE_VOLTAGE_KV"),
        r.GetDouble("DISTANCE_TO_LINE_M"),
        r.GetDouble("REQUIRED_CLEARANCE_M"),
        r.GetDouble("RISK_SCORE"),
        r.GetString("RISK_LEVEL"),
        r.GetDouble("FALL_ZONE_M"),
        r.GetBoolean("IN_FALL_ZONE"),
        r.GetString("RISK_BAND"));
}
