using System.Text.RegularExpressions;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Synthetic;

public sealed partial class TerritoryGeneratorTests
{
    private const string Fingerprint = """
        SELECT
            (SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE) || '/' ||
            (SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA) || '/' ||
            (SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER) || '/' ||
            (SELECT ROUND(SUM(LATITUDE * 1000 + LONGITUDE), 3) FROM PRODUCTION.TRANSFORMER_METADATA) || '/' ||
            (SELECT ROUND(SUM(LOAD_KW), 1) FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD) || '/' ||
            (SELECT SUM(CUSTOMERS_AFFECTED) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER)
        """;

    [Fact]
    public void Same_seed_gives_the_same_territory()
    {
        var again = Path.Combine(Directory.CreateTempSubdirectory("flux-again-").FullName, "small.duckdb");
        EmbeddedDatabase.EnsureCreated(again, TestTerritory.Options(again), progress: null);

        Assert.Equal(ViewQueries.Scalar(TestTerritory.TemplatePath, Fingerprint), ViewQueries.Scalar(again, Fingerprint));
    }

    [Fact]
    public void Another_seed_gives_another_territory()
    {
        var other = Path.Combine(Directory.CreateTempSubdirectory("flux-other-").FullName, "small.duckdb");
        var options = TestTerritory.Options(other);
        options.Seed = TestTerritory.Seed + 1;
        EmbeddedDatabase.EnsureCreated(other, options, progress: null);

        Assert.NotEqual(ViewQueries.Scalar(TestTerritory.TemplatePath, Fingerprint), ViewQueries.Scalar(other, Fingerprint));
    }

    [Fact]
    public void Circuit_connectivity_equals_a_count_of_the_rows_it_summarises()
    {
        // Correlated subqueries, not the summary's grouped joins, so a wrong join in either shows as a mismatch.
        var mismatches = ViewQueries.Long(TestTerritory.TemplatePath, """
            SELECT COUNT(*)
            FROM PRODUCTION.CIRCUIT_METADATA f
            LEFT JOIN PRODUCTION.CIRCUIT_CONNECTIVITY cc ON cc.CIRCUIT_ID = f.CIRCUIT_ID
            WHERE cc.CIRCUIT_ID IS NULL
               OR cc.SUBSTATION_ID <> f.SUBSTATION_ID
               OR cc.CUSTOMERS_SERVED <> (SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c WHERE c.CIRCUIT_ID = f.CIRCUIT_ID AND c.ACCOUNT_STATUS = 'ACTIVE')
               OR cc.METER_COUNT <> (SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE m WHERE m.CIRCUIT_ID = f.CIRCUIT_ID)
               OR cc.TRANSFORMER_COUNT <> (SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA t WHERE t.CIRCUIT_ID = f.CIRCUIT_ID)
               OR ABS(cc.TRANSFORMER_HEALTH_SUM - (SELECT SUM(t.HEALTH_SCORE) FROM PRODUCTION.TRANSFORMER_METADATA t WHERE t.CIRCUIT_ID = f.CIRCUIT_ID)) > 1e-6
               OR cc.METER_MAX_LAT <> (SELECT MAX(m.LATITUDE) FROM PRODUCTION.METER_INFRASTRUCTURE m WHERE m.CIRCUIT_ID = f.CIRCUIT_ID)
            """);
        var circuits = ViewQueries.Long(TestTerritory.TemplatePath, "SELECT COUNT(*) FROM PRODUCTION.CIRCUIT_CONNECTIVITY");
        var customers = ViewQueries.Long(TestTerritory.TemplatePath, "SELECT SUM(CUSTOMERS_SERVED) FROM APPLICATIONS.CIRCUIT_STATUS_REALTIME");
        var counted = ViewQueries.Long(TestTerritory.TemplatePath, "SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA WHERE ACCOUNT_STATUS = 'ACTIVE'");

        Assert.Equal(0, mismatches);
        Assert.Equal(ViewQueries.Long(TestTerritory.TemplatePath, "SELECT COUNT(*) FROM PRODUCTION.CIRCUIT_METADATA"), circuits);
        Assert.Equal(counted, customers);
    }

    [Fact]
    public void Each_outage_interrupts_exactly_the_active_customers_behind_its_device()
    {
        var mismatches = ViewQueries.Long(TestTerritory.TemplatePath, """
            WITH downstream AS (
                SELECT o.OUTAGE_ID, o.CUSTOMERS_AFFECTED, COUNT(c.CUSTOMER_ID) AS COUNTED
                FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o
                JOIN PRODUCTION.TRANSFORMER_METADATA t
                    ON t.CIRCUIT_ID = o.CIRCUIT_ID
                   AND (o.DEVICE_ID = t.BREAKER_ID OR o.DEVICE_ID = t.RECLOSER_ID OR o.DEVICE_ID = t.FUSE_ID OR o.DEVICE_ID = t.TRANSFORMER_ID)
                LEFT JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID AND c.ACCOUNT_STATUS = 'ACTIVE'
                GROUP BY o.OUTAGE_ID, o.CUSTOMERS_AFFECTED
            )
            SELECT COUNT(*) FROM downstream WHERE COUNTED <> CUSTOMERS_AFFECTED
            """);

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Active_outages_never_nest_so_their_customers_add_up()
    {
        var summed = ViewQueries.Long(TestTerritory.TemplatePath,
            "SELECT SUM(CUSTOMERS_AFFECTED) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE STATUS = 'ACTIVE'");
        var distinct = ViewQueries.Long(TestTerritory.TemplatePath, """
            SELECT COUNT(DISTINCT c.CUSTOMER_ID) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c
            JOIN APPLICATIONS.TRANSFORMERS_DE_ENERGIZED d ON d.TRANSFORMER_ID = c.TRANSFORMER_ID
            WHERE c.ACCOUNT_STATUS = 'ACTIVE'
            """);

        Assert.True(summed > 0);
        Assert.Equal(distinct, summed);
    }

    [Fact]
    public void History_holds_a_hurricane_momentaries_and_realistic_reliability()
    {
        var path = TestTerritory.TemplatePath;

        Assert.True(ViewQueries.Long(path, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE CAUSE = 'HURRICANE'") > 0);
        Assert.True(ViewQueries.Long(path, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE IS_MOMENTARY") > 0);
        var saifi = ViewQueries.Double(path, "SELECT SAIFI_12M FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");
        var saidi = ViewQueries.Double(path, "SELECT SAIDI_12M FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");

        // A few hundred feeders' worth of chance on the small preset: wider than the houston band (1–1.5, 100–200 min).
        Assert.InRange(saifi, 0.5, 2.5);
        Assert.InRange(saidi, 50, 400);
    }

    [Fact]
    public void Telemetry_covers_fourteen_days_of_hours_for_every_transformer()
    {
        var path = TestTerritory.TemplatePath;
        var transformers = ViewQueries.Long(path, "SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA");

        Assert.Equal(transformers * TerritoryGenerator.TelemetryDays * 24, ViewQueries.Long(path, "SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD"));
        Assert.Equal(TerritoryGenerator.TelemetryDays * 24, ViewQueries.Long(path, "SELECT COUNT(*) FROM PRODUCTION.HOUSTON_WEATHER_HOURLY"));
        Assert.True(ViewQueries.Long(path, "SELECT COUNT(DISTINCT METER_ID) FROM PRODUCTION.AMI_INTERVAL_READINGS") > 0);
    }

    [Fact]
    public void Feeder_head_load_is_the_sum_of_its_transformers_every_hour()
    {
        var mismatches = ViewQueries.Long(TestTerritory.TemplatePath, """
            WITH summed AS (
                SELECT t.CIRCUIT_ID, l.LOAD_HOUR, SUM(l.LOAD_KW) AS LOAD_KW
                FROM PRODUCTION.TRANSFORMER_HOURLY_LOAD l
                JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = l.TRANSFORMER_ID
                GROUP BY t.CIRCUIT_ID, l.LOAD_HOUR
            )
            SELECT COUNT(*) FROM summed s
            FULL OUTER JOIN PRODUCTION.FEEDER_HOURLY_LOAD f ON f.CIRCUIT_ID = s.CIRCUIT_ID AND f.LOAD_HOUR = s.LOAD_HOUR
            WHERE f.LOAD_KW IS NULL OR s.LOAD_KW IS NULL OR ABS(f.LOAD_KW - s.LOAD_KW) > 0.01
            """);

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Houston_preset_is_the_reference_territory()
    {
        var houston = TerritoryPreset.Parse("houston");

        Assert.Equal(275, houston.Substations);
        Assert.Throws<ArgumentException>(() => TerritoryPreset.Parse("atlantis"));
    }

    [Fact]
    public void No_view_or_query_uses_random_numbers()
    {
        foreach (var resource in QueryCatalog.ResourceNames("Sql/").Concat(QueryCatalog.ResourceNames("Queries/")))
        {
            Assert.DoesNotMatch(RandomCall(), QueryCatalog.Resource(resource));
        }
    }

    [Fact]
    public void Every_view_file_starts_with_its_grain()
    {
        foreach (var resource in QueryCatalog.ResourceNames("Sql/Views/").Concat(QueryCatalog.ResourceNames("Queries/")))
        {
            Assert.StartsWith("-- grain:", QueryCatalog.Resource(resource), StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\b(random|uniform|randint)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex RandomCall();
}
