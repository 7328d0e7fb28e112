using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Analysis;

/// <summary>
/// The connectivity model against the small territory: every trace is checked against independent SQL that walks the
/// feeder segment tree (not the device hierarchy the model reads), under the generated live state.
/// </summary>
public sealed class NetworkTracerTests : IDisposable
{
    // Customers fed through each device now: the segments below the device's own segment that are reachable from a
    // feeder head without passing a segment headed by an open device, with the ACTIVE customers of their transformers.
    private const string FedThroughEveryDevice = """
        WITH RECURSIVE
        open_head AS (
            SELECT SEGMENT_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE CURRENT_STATE = 'OPEN' AND DEVICE_TYPE <> 'TIE'
        ),
        live(SEGMENT_ID) AS (
            SELECT s.SEGMENT_ID FROM PRODUCTION.FEEDER_SEGMENTS s
            WHERE s.PARENT_SEGMENT_ID IS NULL AND s.SEGMENT_ID NOT IN (SELECT SEGMENT_ID FROM open_head)
            UNION ALL
            SELECT s.SEGMENT_ID FROM PRODUCTION.FEEDER_SEGMENTS s JOIN live l ON s.PARENT_SEGMENT_ID = l.SEGMENT_ID
            WHERE s.SEGMENT_ID NOT IN (SELECT SEGMENT_ID FROM open_head)
        ),
        below(DEVICE_ID, SEGMENT_ID) AS (
            SELECT DEVICE_ID, SEGMENT_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_TYPE <> 'TIE'
            UNION ALL
            SELECT b.DEVICE_ID, s.SEGMENT_ID FROM PRODUCTION.FEEDER_SEGMENTS s JOIN below b ON s.PARENT_SEGMENT_ID = b.SEGMENT_ID
        )
        SELECT d.DEVICE_ID,
               COUNT(c.CUSTOMER_ID) AS CUSTOMERS,
               COUNT(CASE WHEN c.IS_CRITICAL_CARE THEN 1 END) AS CRITICAL_CARE,
               COUNT(DISTINCT t.TRANSFORMER_ID) AS TRANSFORMERS
        FROM PRODUCTION.SWITCHING_DEVICES d
        LEFT JOIN below b ON b.DEVICE_ID = d.DEVICE_ID AND b.SEGMENT_ID IN (SELECT SEGMENT_ID FROM live)
        LEFT JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.SEGMENT_ID = b.SEGMENT_ID
        LEFT JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID AND c.ACCOUNT_STATUS = 'ACTIVE'
        GROUP BY d.DEVICE_ID
        """;

    private readonly string _path = TestTerritory.CreateCopy();
    private readonly DuckDbSource _source;
    private readonly NetworkService _network;

    public NetworkTracerTests()
    {
        _source = new DuckDbSource(_path);
        _network = new NetworkService(_source);
    }

    [Fact]
    public async Task Downstream_customers_of_every_device_equal_an_independent_count_over_the_segment_tree()
    {
        var expected = Rows(FedThroughEveryDevice);
        var state = await _network.GetStateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected.Count, state.Model.DeviceCount);
        Assert.Contains(expected.Values, e => e.Customers > 0);
        var mismatches = new List<string>();
        foreach (var (deviceId, counts) in expected)
        {
            var trace = NetworkTracer.Trace(state, deviceId, TraceDirection.Downstream)!;
            var transformers = trace.AssetsByType.GetValueOrDefault("TRANSFORMER");
            if (trace.Customers != counts.Customers || trace.CriticalCareCustomers != counts.CriticalCare || transformers != counts.Transformers)
            {
                mismatches.Add($"{deviceId}: traced {trace.Customers}/{trace.CriticalCareCustomers}/{transformers}, rows {counts.Customers}/{counts.CriticalCare}/{counts.Transformers}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task The_generated_state_leaves_the_isolating_device_of_every_active_outage_open_and_its_customers_unfed()
    {
        var openDevices = Column("""
            SELECT DEVICE_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER
            WHERE OUTAGE_END_TIME IS NULL AND DEVICE_TYPE IN ('BREAKER', 'RECLOSER', 'FUSE') ORDER BY 1
            """);
        var state = await _network.GetStateAsync(TestContext.Current.CancellationToken);

        Assert.NotEmpty(openDevices);
        Assert.Equal(openDevices, Column("SELECT DEVICE_ID FROM APPLICATIONS.SWITCHING_DEVICE_STATUS WHERE IS_ABNORMAL ORDER BY 1"));
        Assert.All(openDevices, id => Assert.Equal(0, NetworkTracer.Trace(state, id, TraceDirection.Downstream)!.Customers));
    }

    [Fact]
    public async Task Opening_a_device_takes_exactly_its_customers_from_the_downstream_of_its_breaker()
    {
        var state = await _network.GetStateAsync(TestContext.Current.CancellationToken);
        var model = state.Model;
        var recloser = Enumerable.Range(0, model.DeviceCount)
            .First(d => model.Device(d).Type == SwitchingDeviceType.Recloser && state.CustomersFedThrough(d) > 0);
        var breakerId = model.Device(recloser).ParentDeviceId!;
        var before = NetworkTracer.Trace(state, breakerId, TraceDirection.Downstream)!;
        var behind = NetworkTracer.Trace(state, model.Device(recloser).Id, TraceDirection.Downstream)!;

        var opened = state.With(recloser, open: true);
        var after = NetworkTracer.Trace(opened, breakerId, TraceDirection.Downstream)!;

        Assert.Equal(before.Customers - behind.Customers, after.Customers);
        Assert.Equal(before.CriticalCareCustomers - behind.CriticalCareCustomers, after.CriticalCareCustomers);
        Assert.Equal(0, opened.CustomersFedThrough(recloser));
        Assert.Equal(behind.Customers, state.CustomersFedThrough(recloser));
    }

    [Fact]
    public async Task Closing_a_tie_after_opening_a_sectionalizer_picks_the_section_up_from_the_other_feeder()
    {
        var state = await _network.GetStateAsync(TestContext.Current.CancellationToken);
        var model = state.Model;
        var tie = Enumerable.Range(0, model.DeviceCount).First(d => model.Device(d).Type == SwitchingDeviceType.Tie
            && model.Device(d).TieParentDeviceId!.StartsWith("SEC-", StringComparison.Ordinal)
            && state.CustomersFedThrough(model.IndexOfDevice(model.Device(d).TieParentDeviceId!)) > 0
            && state.EnergizingCircuitOfDevice(model.IndexOfDevice(model.Device(d).ParentDeviceId!)) == model.Device(d).CircuitId);
        var far = model.IndexOfDevice(model.Device(tie).TieParentDeviceId!);
        var pickingUp = model.Device(tie).CircuitId;
        var transferred = state.CustomersFedThrough(far);
        var pickingUpBefore = NetworkTracer.Trace(state, pickingUp, TraceDirection.Downstream)!.Customers;

        var transfer = state.With(far, open: true).With(tie, open: false);

        Assert.Equal(0, transfer.CustomersFedThrough(far));
        Assert.Equal(transferred, transfer.CustomersFedThrough(tie));
        Assert.Equal(pickingUpBefore + transferred, NetworkTracer.Trace(transfer, pickingUp, TraceDirection.Downstream)!.Customers);
        var pickedUpTransformer = Enumerable.Range(0, model.TransformerCount).First(t => model.Device(model.IndexOfDevice(model.Transformers[t].FuseId)).ParentDeviceId == model.Device(far).Id
            && model.Transformers[t].Customers > 0);
        Assert.Equal(model.Device(far).CircuitId, state.EnergizingCircuitOfTransformer(pickedUpTransformer));
        Assert.Equal(pickingUp, transfer.EnergizingCircuitOfTransformer(pickedUpTransformer));
        var upstream = NetworkTracer.Trace(transfer, model.Transformers[pickedUpTransformer].Id, TraceDirection.Upstream)!;
        Assert.Equal(pickingUp, upstream.SourceCircuitId);
        Assert.Contains(upstream.Assets, a => a.Id == model.Device(tie).Id && a.State == "CLOSED");
    }

    [Fact]
    public async Task Upstream_from_a_transformer_passes_its_fuse_and_breaker_to_its_substation()
    {
        var transformerId = Text("""
            SELECT MIN(t.TRANSFORMER_ID) FROM PRODUCTION.TRANSFORMER_METADATA t
            WHERE t.RECLOSER_ID IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM PRODUCTION.SWITCHING_DEVICES d WHERE d.CURRENT_STATE = 'OPEN' AND d.DEVICE_ID IN (t.BREAKER_ID, t.RECLOSER_ID, t.FUSE_ID))
            """);
        var fuse = Text($"SELECT FUSE_ID FROM PRODUCTION.TRANSFORMER_METADATA WHERE TRANSFORMER_ID = '{transformerId}'");
        var breaker = Text($"SELECT BREAKER_ID FROM PRODUCTION.TRANSFORMER_METADATA WHERE TRANSFORMER_ID = '{transformerId}'");
        var recloser = Text($"SELECT RECLOSER_ID FROM PRODUCTION.TRANSFORMER_METADATA WHERE TRANSFORMER_ID = '{transformerId}'");

        var trace = (await _network.TraceAsync(transformerId, TraceDirection.Upstream, TestContext.Current.CancellationToken))!;

        Assert.True(trace.Energized);
        Assert.Equal(fuse, trace.IsolatingDevices.Single().Id);
        Assert.Equal([fuse, recloser, breaker], trace.Assets.Where(a => a.Type is "FUSE" or "RECLOSER" or "BREAKER").Select(a => a.Id));
        Assert.Equal(Text($"SELECT SUBSTATION_ID FROM PRODUCTION.TRANSFORMER_METADATA WHERE TRANSFORMER_ID = '{transformerId}'"), trace.SourceSubstationId);
        Assert.Equal(1, trace.AssetsByType["SUBSTATION"]);
    }

    [Fact]
    public async Task Isolation_of_a_lateral_names_its_fuse_and_counts_its_customers()
    {
        var fuse = Text("SELECT MIN(DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_TYPE = 'FUSE' AND CURRENT_STATE = 'CLOSED'");
        var customers = Long($"""
            SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = c.TRANSFORMER_ID
            WHERE t.FUSE_ID = '{fuse}' AND c.ACCOUNT_STATUS = 'ACTIVE'
            """);

        var trace = (await _network.TraceAsync(fuse, TraceDirection.Isolation, TestContext.Current.CancellationToken))!;

        Assert.Equal(fuse, trace.IsolatingDevices.Single().Id);
        Assert.Equal(customers, trace.Customers);
    }

    [Fact]
    public async Task An_unknown_asset_traces_to_nothing()
    {
        Assert.Null(await _network.TraceAsync("BKR-999-99", TraceDirection.Downstream, TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        _network.Dispose();
        _source.Dispose();
    }

    private Dictionary<string, (long Customers, long CriticalCare, long Transformers)> Rows(string sql)
    {
        using var connection = new DuckDBConnection($"DataSource={_path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, (long, long, long)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return rows;
    }

    private List<string> Column(string sql) => [.. ViewQueries.Column(_path, sql)];

    private string Text(string sql) => (string)ViewQueries.Scalar(_path, sql)!;

    private long Long(string sql) => ViewQueries.Long(_path, sql);
}
