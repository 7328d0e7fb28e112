using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Extra sustained faults written straight into the outage table, so alarm figures have bursts to count.</summary>
internal static class AlarmHistorySeed
{
    private const string Sql =
        """
        INSERT INTO PRODUCTION.OUTAGE_RESTORATION_TRACKER
        SELECT 'SEED-' || CAST(? AS VARCHAR) || '-' || CAST(r.range AS VARCHAR), f.CIRCUIT_ID, f.SUBSTATION_ID, CAST(? AS VARCHAR), 'FUSE',
               CAST(? AS TIMESTAMP) + TO_SECONDS(r.range * CAST(? AS BIGINT)),
               CAST(? AS TIMESTAMP) + TO_SECONDS(r.range * CAST(? AS BIGINT)) + INTERVAL 5 MINUTE,
               'RESTORED', 'EQUIPMENT', 12, 1, NULL, NULL, FALSE, s.LATITUDE, s.LONGITUDE, NULL
        FROM range(CAST(? AS BIGINT)) r
        CROSS JOIN PRODUCTION.CIRCUIT_METADATA f
        JOIN PRODUCTION.SUBSTATIONS s ON s.SUBSTATION_ID = f.SUBSTATION_ID
        WHERE f.CIRCUIT_ID = ?
        """;

    /// <summary>
    /// <paramref name="count"/> faults of fuse <paramref name="fuseId"/> (its feeder is the first two parts of the id after
    /// FUS-), the first at <paramref name="start"/>, each <paramref name="apart"/> after the last, each restored 5 minutes later.
    /// </summary>
    public static SqlRequest Faults(string fuseId, DateTimeOffset start, int count, TimeSpan apart)
    {
        var parts = fuseId.Split('-');
        var circuitId = $"FDR-{parts[1]}-{parts[2]}";
        var seconds = (long)apart.TotalSeconds;
        var tag = $"{fuseId}-{start.ToUnixTimeSeconds()}";
        return new SqlRequest("SeedFaults", Sql, [tag, fuseId, start.UtcDateTime, seconds, start.UtcDateTime, seconds, (long)count, circuitId], SqlRequest.DefaultTimeout);
    }
}
