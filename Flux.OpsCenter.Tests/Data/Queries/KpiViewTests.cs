using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Tests.Data.Queries;

/// <summary>
/// A hand-built grid of one substation, two feeders, three transformers and ten customers, with outages whose
/// IEEE 1366 figures are worked out by hand below; the views must give exactly those numbers.
/// </summary>
public sealed class KpiViewTests : IDisposable
{
    // "Now" of the data: the latest load hour.
    private const string Now = "2026-06-01 12:00:00";
    private readonly string _path;
    private readonly DuckDbSource _source;

    public KpiViewTests()
    {
        _path = Path.Combine(Directory.CreateTempSubdirectory("flux-kpi-").FullName, "tiny.duckdb");
        using (var connection = new DuckDBConnection($"DataSource={_path}"))
        {
            connection.Open();
            EmbeddedDatabase.CreateSchemaAndViews(connection);
            foreach (var statement in TinyGrid)
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }

            EmbeddedDatabase.SummarizeCircuitConnectivity(connection);
        }

        _source = new DuckDbSource(_path);
    }

    private static string[] TinyGrid =>
    [
        "INSERT INTO PRODUCTION.SUBSTATIONS VALUES ('SUB-A', 'Alpha', 29.76, -95.37, 10, '138KV', 'CENTRAL', 'Houston', 'ACTIVE', DATE '1990-01-01', NULL)",
        "INSERT INTO PRODUCTION.CIRCUIT_METADATA VALUES ('FDR-A1', 'Alpha 01', 'SUB-A', '12KV', 12.47, 2.0, '477 AAC', 2000, 'BKR-A1', 'FDR-A2', 'TIE-A1', 29.77, -95.36, DATE '1990-01-01')",
        "INSERT INTO PRODUCTION.CIRCUIT_METADATA VALUES ('FDR-A2', 'Alpha 02', 'SUB-A', '12KV', 12.47, 1.5, '477 AAC', 1000, 'BKR-A2', 'FDR-A1', 'TIE-A1', 29.77, -95.36, DATE '1990-01-01')",
        "INSERT INTO PRODUCTION.TRANSFORMER_METADATA VALUES ('TX-1', 'T1', 'SUB-A', 'FDR-A1', 'SEG-1', 'BKR-A1', 'RCL-A1', 'FUS-1', 29.761, -95.371, 50, 50, 12.47, 0.24, 'POLE', 'RESIDENTIAL', 2000, 26, 'ABB', 80, NULL)",
        "INSERT INTO PRODUCTION.TRANSFORMER_METADATA VALUES ('TX-2', 'T2', 'SUB-A', 'FDR-A1', 'SEG-2', 'BKR-A1', 'RCL-A1', 'FUS-2', 29.762, -95.372, 50, 50, 12.47, 0.24, 'POLE', 'RESIDENTIAL', 2000, 26, 'ABB', 60, NULL)",
        "INSERT INTO PRODUCTION.TRANSFORMER_METADATA VALUES ('TX-3', 'T3', 'SUB-A', 'FDR-A2', 'SEG-3', 'BKR-A2', NULL, 'FUS-3', 29.763, -95.373, 100, 100, 12.47, 0.24, 'PAD', 'RESIDENTIAL', 2000, 26, 'ABB', 90, NULL)",
        // Customers: TX-1 three active and one inactive, TX-2 two, TX-3 five: ten active customers served.
        .. Customers("TX-1", "FDR-A1", 1, 4, inactive: 4),
        .. Customers("TX-2", "FDR-A1", 5, 6),
        .. Customers("TX-3", "FDR-A2", 7, 11),
        // Load: now 100 + 0 (TX-2 is out) + 300 kW; an hour ago 150 + 50 + 400 = 600 kW, the 24-hour peak.
        .. Load("TX-1", "FDR-A1", Now, 100), .. Load("TX-2", "FDR-A1", Now, 0), .. Load("TX-3", "FDR-A2", Now, 300),
        .. Load("TX-1", "FDR-A1", "2026-06-01 11:00:00", 150), .. Load("TX-2", "FDR-A1", "2026-06-01 11:00:00", 50), .. Load("TX-3", "FDR-A2", "2026-06-01 11:00:00", 400),
        .. Load("TX-3", "FDR-A2", "2026-05-31 06:00:00", 1000),
        // Active: fuse FUS-2 isolates TX-2's two customers, started 30 minutes ago.
        Outage("O1", "FDR-A1", "FUS-2", "FUSE", "2026-06-01 11:30:00", null, 2, false),
        // Sustained, in the last 12 months: 5 customers for 60 minutes, and 5 customers for 30 minutes 10 days ago.
        Outage("O2", "FDR-A2", "TX-3", "TRANSFORMER", "2026-02-21 08:00:00", "2026-02-21 09:00:00", 5, false),
        Outage("O3", "FDR-A1", "BKR-A1", "BREAKER", "2026-05-22 10:00:00", "2026-05-22 10:30:00", 5, false),
        // Momentary (flagged) and a 4-minute interruption: neither is sustained (> 5 minutes).
        Outage("O4", "FDR-A2", "BKR-A2", "BREAKER", "2026-05-01 10:00:00", "2026-05-01 10:02:00", 5, true),
        Outage("O5", "FDR-A2", "BKR-A2", "BREAKER", "2026-05-25 10:00:00", "2026-05-25 10:04:00", 5, false),
        // More than 12 months ago: outside the window.
        Outage("O6", "FDR-A1", "BKR-A1", "BREAKER", "2025-04-01 10:00:00", "2025-04-01 16:00:00", 5, false),
        "INSERT INTO PRODUCTION.CREWS VALUES ('CREW-1', 'Line 1', 'LINE', 'Bellaire', 3, 29.7, -95.4, 29.762, -95.372, 'ON_SITE', 'O1', 'WO-1', TIMESTAMP '2026-06-01 12:00:00', TIMESTAMP '2026-06-02 00:00:00', TIMESTAMP '2026-06-01 12:00:00')",
        "INSERT INTO PRODUCTION.CREWS VALUES ('CREW-2', 'Line 2', 'LINE', 'Bellaire', 3, 29.7, -95.4, 29.7, -95.4, 'AVAILABLE', NULL, NULL, TIMESTAMP '2026-06-01 12:00:00', TIMESTAMP '2026-06-02 00:00:00', TIMESTAMP '2026-06-01 12:00:00')",
        "INSERT INTO PRODUCTION.WORK_ORDERS VALUES ('WO-1', 'O1', 'FUS-2', 'FUSE', 'FDR-A1', 'SUB-A', 'REPAIR', 'HIGH', 'IN_PROGRESS', 'Replace fuse', 'CREW-1', TIMESTAMP '2026-06-01 11:35:00', NULL, NULL, 2, NULL, NULL, 29.762, -95.372)",
        "INSERT INTO PRODUCTION.WORK_ORDERS VALUES ('WO-2', 'O3', 'BKR-A1', 'BREAKER', 'FDR-A1', 'SUB-A', 'INSPECTION', 'LOW', 'COMPLETED', 'Inspect breaker', 'CREW-2', TIMESTAMP '2026-05-22 11:00:00', NULL, TIMESTAMP '2026-05-23 11:00:00', 2, 2, 500, 29.76, -95.37)",
    ];

    [Fact]
    public async Task Kpi_view_equals_the_figures_worked_out_by_hand()
    {
        var kpis = await new GridQueries(_source).GetKpisAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(kpis);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), kpis.AsOf);
        Assert.Equal(10, kpis.TotalCustomers);
        Assert.Equal(2, kpis.CustomersOut);
        Assert.Equal(1, kpis.ActiveOutages);
        Assert.Equal(1, kpis.CircuitsInOutage);
        Assert.Equal(0.4, kpis.TotalLoadMw, 3);
        Assert.Equal(0.6, kpis.PeakLoadMw24h, 3);
        // 10 MVA of substations at unity power factor, the rule the feeder and substation pages use.
        Assert.Equal(10.0, kpis.SystemCapacityMw, 3);
        Assert.Equal(1, kpis.CrewsActive);
        Assert.Equal(1, kpis.OpenWorkOrders);

        // SAIFI = (5 + 5) / 10; SAIDI = (5 × 60 + 5 × 30) / 10; CAIDI = 450 / 10.
        Assert.Equal(1.0, kpis.Saifi12m!.Value, 3);
        Assert.Equal(45.0, kpis.Saidi12m!.Value, 2);
        Assert.Equal(45.0, kpis.Caidi12m!.Value, 1);

        // Restorations in the last 30 days, momentaries excluded: (30 + 4) / 2.
        Assert.Equal(17.0, kpis.AvgRestorationMinutes, 1);
        Assert.Equal(76.7, kpis.AvgAssetHealth!.Value, 1);
    }

    [Fact]
    public async Task Circuit_status_marks_the_faulted_feeder_partial_and_computes_loading()
    {
        var status = await new GridQueries(_source).GetCircuitStatusAsync(10, TestContext.Current.CancellationToken);

        var faulted = Assert.Single(status, s => s.CircuitId == "FDR-A1");
        Assert.Equal("PARTIAL", faulted.Status);
        Assert.Equal(5, faulted.CustomersServed);
        Assert.Equal(2, faulted.CustomersOut);
        Assert.Equal(5.0, faulted.LoadPct, 1);
        var healthy = Assert.Single(status, s => s.CircuitId == "FDR-A2");
        Assert.Equal("ENERGIZED", healthy.Status);
        Assert.Equal(30.0, healthy.LoadPct, 1);
        Assert.Equal("FDR-A1", status[0].CircuitId);
    }

    [Fact]
    public async Task Customers_out_equals_the_distinct_customers_behind_de_energised_transformers()
    {
        var kpis = await new GridQueries(_source).GetKpisAsync(TestContext.Current.CancellationToken);
        var distinct = Support.ViewQueries.Long(_path, """
            SELECT COUNT(DISTINCT c.CUSTOMER_ID)
            FROM PRODUCTION.CUSTOMERS_MASTER_DATA c
            JOIN APPLICATIONS.TRANSFORMERS_DE_ENERGIZED d ON d.TRANSFORMER_ID = c.TRANSFORMER_ID
            WHERE c.ACCOUNT_STATUS = 'ACTIVE'
            """);

        Assert.Equal(distinct, kpis!.CustomersOut);
    }

    [Fact]
    public async Task Substation_rolls_up_its_feeders()
    {
        var substation = await new GridQueries(_source).GetSubstationAsync("SUB-A", TestContext.Current.CancellationToken);

        Assert.NotNull(substation);
        Assert.Equal(2, substation.CircuitCount);
        Assert.Equal(3, substation.TransformerCount);
        Assert.Equal(10, substation.CustomersServed);
        Assert.Equal(2, substation.CustomersOut);
        Assert.Equal(0.4, substation.CurrentLoadMw, 3);
        Assert.Equal("PARTIAL", substation.Status);
    }

    private static IEnumerable<string> Customers(string transformer, string circuit, int first, int last, int inactive = 0)
    {
        for (var i = first; i <= last; i++)
        {
            var status = i == inactive ? "INACTIVE" : "ACTIVE";
            yield return $"INSERT INTO PRODUCTION.METER_INFRASTRUCTURE VALUES ('MTR-{i}', 'AMI{i}', '{transformer}', NULL, '{circuit}', 'SUB-A', 29.76, -95.37, 'AMI_SINGLE_PHASE', 'RESIDENTIAL', DATE '2015-01-01', 'ACTIVE', 90, 'Houston', '77002')";
            yield return $"INSERT INTO PRODUCTION.CUSTOMERS_MASTER_DATA VALUES ('CUST-{i}', 'MTR-{i}', '{transformer}', '{circuit}', 'SUB-A', 'Ana', 'Lopez', 'Ana Lopez', '{i} Main St', 'Houston', 'TX', '77002', 'RESIDENTIAL', '{status}', FALSE, DATE '2015-01-01')";
        }
    }

    private static IEnumerable<string> Load(string transformer, string circuit, string hour, double kw)
    {
        yield return $"INSERT INTO PRODUCTION.TRANSFORMER_HOURLY_LOAD VALUES ('{transformer}', TIMESTAMP '{hour}', {kw}, {kw / 50 * 100}, 30, 'LOW')";

        // The feeder-head meter reads the sum of the feeder's transformers.
        yield return $"MERGE INTO PRODUCTION.FEEDER_HOURLY_LOAD f USING (SELECT '{circuit}' AS C, TIMESTAMP '{hour}' AS H) s ON f.CIRCUIT_ID = s.C AND f.LOAD_HOUR = s.H "
            + $"WHEN MATCHED THEN UPDATE SET LOAD_KW = f.LOAD_KW + {kw} WHEN NOT MATCHED THEN INSERT VALUES ('{circuit}', 'SUB-A', TIMESTAMP '{hour}', {kw})";
    }

    private static string Outage(string id, string circuit, string device, string deviceType, string start, string? end, int customers, bool momentary) =>
        $"INSERT INTO PRODUCTION.OUTAGE_RESTORATION_TRACKER VALUES ('{id}', '{circuit}', 'SUB-A', '{device}', '{deviceType}', TIMESTAMP '{start}', "
        + (end is null ? "NULL, 'ACTIVE'" : $"TIMESTAMP '{end}', 'RESTORED'")
        + $", 'EQUIPMENT_FAILURE', {customers}, 1, NULL, NULL, {(momentary ? "TRUE" : "FALSE")}, 29.76, -95.37, NULL)";

    public void Dispose() => _source.Dispose();
}
