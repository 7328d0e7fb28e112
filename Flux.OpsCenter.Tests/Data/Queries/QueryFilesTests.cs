using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Queries;

/// <summary>Every query file runs against a generated territory with sample arguments and returns rows.</summary>
public sealed class QueryFilesTests : IDisposable
{
    private static readonly DateTime From = TestTerritory.AsOf.UtcDateTime.AddDays(-400);
    private static readonly DateTime To = TestTerritory.AsOf.UtcDateTime.AddDays(1);

    // Arguments per query file; a new query file without an entry here fails the test below.
    private static readonly Dictionary<string, object?[]> SampleArguments = new(StringComparer.Ordinal)
    {
        ["AcknowledgeAlarm"] = ["NEW-OUT-TEST", "op.test", From, "comment", "NEW-OUT-TEST"],
        ["GetActiveOutages"] = [100],
        ["GetAlarms"] = [To, 100],
        ["GetAlarmAuditTrail"] = ["NEW-OUT-TEST", 10],
        ["GetAlarmRates"] = [From, To],
        ["GetAlarmBadActors"] = [From, To, 10],
        ["GetChatteringAlarms"] = [From, To, 10],
        ["ShelveAlarm"] = ["SHELF-TEST", "NEW-OUT-TEST", "op.test", From, To, "reason", "NEW-OUT-TEST", From],
        ["RecordShelveAudit"] = ["NEW-OUT-TEST"],
        ["UnshelveAlarm"] = ["op.test", From, "NEW-OUT-TEST", From],
        ["RecordUnshelveAudit"] = ["NEW-OUT-TEST"],
        ["FindCustomerLocation"] = ["cust-0000001"],
        ["GetAllFeederLines"] = [],
        ["GetFeederCustomerClasses"] = ["FDR-001-01"],
        ["GetFeederHourlyLoad"] = ["FDR-001-01"],
        ["GetFeederPage"] = ["LOAD_PCT", "LOAD_PCT", "", "", "", "", "", "", "DESC", "DESC", "DESC", "DESC", 25, 0],
        ["GetFeederTransformers"] = ["FDR-001-01", 100],
        ["GetMapAssets"] = [],
        ["GetMapAssetsNotEnergized"] = [],
        ["GetOutagesBySubstation"] = ["SUB-001", 100],
        ["GetReliabilityPreviousPeriod"] = [],
        ["GetSubstationPage"] = ["SUBSTATION_NAME", "SUBSTATION_NAME", "sub", "sub", "sub", "sub", "", "", "ASC", "ASC", "ASC", "ASC", 25, 0],
        ["GetSubstationTransformersAtRisk"] = ["SUB-001", 100],
        ["GetFleetTransformerRisk"] = [100],
        ["GetTransformerRiskModel"] = [],
        ["GetTransformerRiskInBox"] = [29.0, 30.5, -96.0, -94.5, 100],
        ["CountTransformerRiskInBox"] = [29.0, 30.5, -96.0, -94.5],
        ["GetTopologyNode"] = ["SUB-001"],
        ["CountCascadeAnalysis"] = [],
        ["GetCascadeCandidates"] = [15],
        ["GetGridEdges"] = [],
        ["GetGridNodes"] = [],
        ["GetPrecomputedCascade"] = ["summer_peak-SUB-001"],
        ["GetPrecomputedCascades"] = [10],
        ["GetCircuitStatus"] = [100],
        ["GetCrews"] = [100],
        ["GetDatabaseInfo"] = [],
        ["GetFeeder"] = ["FDR-001-01"],
        ["GetFeederLines"] = ["FDR-001-01"],
        ["GetFeedersBySubstation"] = ["SUB-001"],
        ["GetKpis"] = [],
        ["GetOpenWorkOrders"] = [100],
        ["GetOutagesByCircuit"] = ["FDR-001-01", 100],
        ["GetSubstation"] = ["SUB-001"],
        ["RecordAudit"] = ["AUDIT-TEST", From, "op.test", "TEST", "SUBJECT", "detail"],
        ["RecordAcknowledgementAudit"] = ["AUDIT-ACK-TEST", "NEW-OUT-TEST", "NEW-OUT-TEST"],
        ["GetReliabilityClock"] = [],
        ["GetDailySystemSaidi"] = [From, To],
        ["ScopeExists"] = ["SUBSTATION", "SUB-001"],
        ["GetReliabilityTotals"] = [From, To, 30.0, "SYSTEM", ""],
        ["GetMonthlyReliability"] = [From, To, 30.0, "REGION", RegionOfFirstSubstation],
        ["GetReliabilityByCause"] = [From, To, null, "SUBSTATION", "SUB-001"],
        ["GetWorstFeeders"] = [From, To, 30.0, "SYSTEM", "", true, 3, 480.0, 25],
        ["GetOutageHistoryPage"] = [From, To, null, null, null, "ALL", 100, 0],
        ["GetOutageHistoryChunk"] = [From, To, "SUB-001", null, null, "SUSTAINED", To, "", 100],
        ["GetOutageCauses"] = [],
        ["GetWorkOrderSummary"] = [],
        ["GetWorkOrdersByOutage"] = [FirstOutageWithWorkOrder, 10],
        ["GetSwitchingDevices"] = [],
        ["GetSwitchingDeviceStates"] = [],
        ["GetTransformerConnections"] = [],
        ["GetCustomer"] = [FirstCustomer],
        ["InsertSwitchingPlan"] = ["PLAN-TEST", "test plan", "op.test", From, From, "PLAN-TEST"],
        ["GetAssistantThreads"] = ["op.test", 50],
        ["InsertAssistantThread"] = ["1001", "op.test", "title", From, From, "1001"],
        ["RenameAssistantThread"] = ["title", From, "1001", "op.test"],
        ["AdvanceAssistantThread"] = [12L, From, "1001", "op.test"],
        ["DeleteAssistantThread"] = ["1001", "op.test"],
        ["InsertSwitchingPlanStep"] = ["PLAN-TEST", 1, "BRK-TEST", "OPEN", "PLAN-TEST", 1],
        ["GetSwitchingPlans"] = [10],
        ["GetSwitchingPlanSteps"] = ["PLAN-TEST"],
        ["GetHeldSwitchingDevices"] = [],
        ["RecordSwitchingStepResult"] = ["DONE", "op.test", From, "opened", "PLAN-TEST", 1],
        ["SetSwitchingPlanStatus"] = ["IN_PROGRESS", From, "PLAN-TEST"],
        ["RecordSwitchingStepAudit"] = ["AUD-TEST", "PLAN-TEST", 1, "PLAN-TEST/1"],
        ["RecordSwitchingPlanAudit"] = ["AUD-TEST", "op.test", "SAVE_PLAN", "PLAN-TEST", "SAVE_PLAN", "PLAN-TEST"],
        ["GetWeatherObservations"] = [100],
        ["GetWeatherHour"] = [TestTerritory.AsOf.UtcDateTime],
        ["GetWeatherHourRange"] = [],
        ["GetVegetationRisk"] = [],
        ["GetVegetationWorkList"] = [25],
        ["GetAssetsNearPoint"] = [29.0, 31.0, -96.5, -94.5, 29.0, 31.0, -96.5, -94.5, 29.0, 31.0, -96.5, -94.5],
        ["GetLineSection"] = [FirstSegment],
        ["GetOutageWorkflow"] = [ActiveOutage],
        ["GetOutagesAwaitingVerification"] = [100],
        ["GetOutageSections"] = [ActiveOutage, ActiveOutage, 100],
        ["GetOutageCriticalCare"] = [OutageWithCriticalCare, OutageWithCriticalCare, 100],
        ["GetOutageEvents"] = [ActiveOutage, 100],
        ["EnsureOutageLifecycle"] = [From, "op.test", ActiveOutage, ActiveOutage],
        ["SetOutageStage"] = ["CONFIRMED", From, "op.test", ActiveOutage, "PREDICTED", "CONFIRMED", "DISPATCHED"],
        ["AssignOutageCrew"] = ["OUT-TEST", From, AvailableCrew, "OUT-TEST"],
        ["RecordOutageCrew"] = [AvailableCrew, ActiveOutage, AvailableCrew, ActiveOutage],
        ["UpdateOutageWorkOrder"] = ["ASSIGNED", null, OutageWithOpenWorkOrder],
        ["SetOutageEtr"] = [From, ActiveOutage, "CREW", ActiveOutage],
        ["RecordOutageEtrSource"] = ["CREW", From, "op.test", ActiveOutage, "CREW"],
        ["RecordSectionRestoration"] = [ActiveOutage, "TRF-TEST", 5, From, "op.test", ActiveOutage, "TRF-TEST"],
        ["RecordSectionHistory"] = ["SEC-TEST", TransformerBehindActiveOutage, ActiveOutage, "SEC-TEST"],
        ["RefreshOutageCustomers"] = [ActiveOutage],
        ["CloseOutage"] = [To, ActiveOutage],
        ["CloseOutageDevice"] = [To, OutageAtSwitchingDevice],
        ["ReleaseOutageCrew"] = [To, ActiveOutage],
        ["RecordOutageEvent"] = ["EV-TEST", ActiveOutage, "SET_ETR", "CONFIRMED", From, "op.test", null, To, "EV-TEST"],
        ["RecordOutageEventAudit"] = ["EV-TEST", "EV-TEST"],
    };

    // What a write needs in place before it can change its one row (raw SQL, test set-up only).
    private const string SampleAssistantThread =
        "INSERT INTO APPLICATIONS.ASSISTANT_THREADS VALUES ('1001', 'op.test', 'title', TIMESTAMP '2026-11-20 14:00:00', TIMESTAMP '2026-11-20 14:00:00', NULL)";

    private static readonly Dictionary<string, Func<string[]>> Setups = new(StringComparer.Ordinal)
    {
        ["GetSwitchingPlans"] = () => [SamplePlan],
        ["GetAssistantThreads"] = () => [SampleAssistantThread],
        ["RenameAssistantThread"] = () => [SampleAssistantThread],
        ["AdvanceAssistantThread"] = () => [SampleAssistantThread],
        ["DeleteAssistantThread"] = () => [SampleAssistantThread],
        ["GetSwitchingPlanSteps"] = () => [SamplePlan, SamplePlanStep("PENDING")],
        ["GetHeldSwitchingDevices"] = () => [SamplePlan, SamplePlanStep("PENDING")],
        ["RecordSwitchingStepResult"] = () => [SamplePlan, SamplePlanStep("PENDING")],
        ["SetSwitchingPlanStatus"] = () => [SamplePlan],
        ["RecordSwitchingStepAudit"] = () => [SamplePlan, SamplePlanStep("DONE")],
        ["RecordSwitchingPlanAudit"] = () => [SamplePlan],
        ["GetOutageEvents"] = () => [RecordSampleEvent],
        ["GetOutagesAwaitingVerification"] = () =>
        [
            $"UPDATE PRODUCTION.OUTAGE_RESTORATION_TRACKER SET OUTAGE_END_TIME = TIMESTAMP '2026-11-20 14:30:00', STATUS = 'RESTORED' WHERE OUTAGE_ID = '{ActiveOutage}'",
        ],
        ["SetOutageStage"] = () => [EnsureSampleLifecycle],
        ["RecordOutageEtrSource"] = () => [EnsureSampleLifecycle],
        ["RefreshOutageCustomers"] = () => [EnsureSampleLifecycle],
        ["RecordOutageEventAudit"] = () => [RecordSampleEvent],
        ["RecordOutageCrew"] = () =>
        [
            $"UPDATE PRODUCTION.OUTAGE_RESTORATION_TRACKER SET CREW_ID = NULL WHERE OUTAGE_ID = '{ActiveOutage}'",
            $"UPDATE PRODUCTION.CREWS SET ASSIGNED_OUTAGE_ID = '{ActiveOutage}' WHERE CREW_ID = '{AvailableCrew}'",
        ],
        ["ReleaseOutageCrew"] = () =>
        [
            $"UPDATE PRODUCTION.CREWS SET ASSIGNED_OUTAGE_ID = NULL WHERE ASSIGNED_OUTAGE_ID = '{ActiveOutage}'",
            $"UPDATE PRODUCTION.CREWS SET ASSIGNED_OUTAGE_ID = '{ActiveOutage}' WHERE CREW_ID = '{AvailableCrew}'",
        ],
        ["RecordSectionHistory"] = () =>
        [
            $"INSERT INTO APPLICATIONS.OUTAGE_SECTION_RESTORATIONS VALUES ('{ActiveOutage}', '{TransformerBehindActiveOutage}', 3, TIMESTAMP '2026-11-20 14:00:00', 'op.test')",
        ],
        ["CloseOutageDevice"] = () =>
        [
            $"UPDATE PRODUCTION.SWITCHING_DEVICES SET CURRENT_STATE = 'OPEN' WHERE DEVICE_ID = (SELECT DEVICE_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_ID = '{OutageAtSwitchingDevice}')",
        ],
    };

    private const string SamplePlan =
        "INSERT INTO APPLICATIONS.SWITCHING_PLANS VALUES ('PLAN-TEST', 'test plan', 'PLANNED', 'op.test', TIMESTAMP '2026-11-20 14:00:00', TIMESTAMP '2026-11-20 14:00:00')";

    private static string SamplePlanStep(string status) =>
        $"INSERT INTO APPLICATIONS.SWITCHING_PLAN_STEPS VALUES ('PLAN-TEST', 1, 'BRK-TEST', 'OPEN', '{status}', 'op.test', TIMESTAMP '2026-11-20 14:05:00', 'opened')";

    private static string FirstCustomer =>
        (string)ViewQueries.Scalar(TestTerritory.TemplatePath, "SELECT MIN(CUSTOMER_ID) FROM PRODUCTION.CUSTOMERS_MASTER_DATA")!;

    private static string EnsureSampleLifecycle =>
        $"INSERT INTO APPLICATIONS.OUTAGE_LIFECYCLE VALUES ('{ActiveOutage}', 'PREDICTED', 'ESTIMATE', 100, 3, TIMESTAMP '2026-11-20 14:00:00', 'op.test')";

    private static string RecordSampleEvent =>
        $"INSERT INTO APPLICATIONS.OUTAGE_EVENTS VALUES ('EV-TEST', '{ActiveOutage}', 'CONFIRM', 'CONFIRMED', TIMESTAMP '2026-11-20 14:00:00', 'op.test', NULL, NULL)";

    private static string ActiveOutage =>
        (string)ViewQueries.Scalar(TestTerritory.TemplatePath, "SELECT MIN(OUTAGE_ID) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL")!;

    private static string AvailableCrew =>
        (string)ViewQueries.Scalar(TestTerritory.TemplatePath, "SELECT MIN(CREW_ID) FROM PRODUCTION.CREWS WHERE STATUS = 'AVAILABLE' AND ASSIGNED_OUTAGE_ID IS NULL")!;

    private static string TransformerBehindActiveOutage => (string)ViewQueries.Scalar(TestTerritory.TemplatePath, $"""
        SELECT MIN(t.TRANSFORMER_ID) FROM PRODUCTION.TRANSFORMER_METADATA t JOIN PRODUCTION.OUTAGE_RESTORATION_TRACKER o
            ON o.CIRCUIT_ID = t.CIRCUIT_ID AND o.DEVICE_ID IN (t.BREAKER_ID, t.RECLOSER_ID, t.FUSE_ID, t.TRANSFORMER_ID)
        WHERE o.OUTAGE_ID = '{ActiveOutage}'
        """)!;

    private static string OutageWithCriticalCare => (string)ViewQueries.Scalar(TestTerritory.TemplatePath, """
        SELECT MIN(o.OUTAGE_ID) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o
        JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.CIRCUIT_ID = o.CIRCUIT_ID AND o.DEVICE_ID IN (t.BREAKER_ID, t.RECLOSER_ID, t.FUSE_ID, t.TRANSFORMER_ID)
        JOIN PRODUCTION.CUSTOMERS_MASTER_DATA c ON c.TRANSFORMER_ID = t.TRANSFORMER_ID AND c.IS_CRITICAL_CARE AND c.ACCOUNT_STATUS = 'ACTIVE'
        WHERE o.OUTAGE_START_TIME > TIMESTAMP '2026-11-01 00:00:00'
        """)!;

    private static string OutageWithOpenWorkOrder =>
        (string)ViewQueries.Scalar(TestTerritory.TemplatePath, "SELECT MIN(OUTAGE_ID) FROM PRODUCTION.WORK_ORDERS WHERE OUTAGE_ID IS NOT NULL AND STATUS <> 'COMPLETED'")!;

    private static string OutageAtSwitchingDevice => (string)ViewQueries.Scalar(TestTerritory.TemplatePath, """
        SELECT MIN(o.OUTAGE_ID) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o JOIN PRODUCTION.SWITCHING_DEVICES d ON d.DEVICE_ID = o.DEVICE_ID
        """)!;

    private static string FirstSegment =>
        (string)ViewQueries.Scalar(TestTerritory.TemplatePath, "SELECT MIN(SEGMENT_ID) FROM PRODUCTION.FEEDER_SEGMENTS")!;

    private static string RegionOfFirstSubstation =>
        (string)ViewQueries.Scalar(TestTerritory.TemplatePath, "SELECT REGION FROM PRODUCTION.SUBSTATIONS WHERE SUBSTATION_ID = 'SUB-001'")!;

    private static string FirstOutageWithWorkOrder =>
        (string)ViewQueries.Scalar(TestTerritory.TemplatePath, "SELECT MIN(OUTAGE_ID) FROM PRODUCTION.WORK_ORDERS WHERE OUTAGE_ID IS NOT NULL")!;

    private readonly DuckDbSource _source = new(TestTerritory.CreateCopy());

    public static TheoryData<string> QueryNames() => [.. QueryCatalog.QueryNames()];

    [Theory]
    [MemberData(nameof(QueryNames))]
    public async Task Query_file_runs_and_returns_rows(string queryName)
    {
        Assert.True(SampleArguments.TryGetValue(queryName, out var arguments), $"Add sample arguments for {queryName}.sql to this test.");
        var text = QueryCatalog.Query(queryName);
        Assert.Equal(arguments.Length, text.Count(c => c == '?'));

        var request = new SqlRequest(queryName, text, arguments, SqlRequest.DefaultTimeout);
        if (queryName is "RecordAcknowledgementAudit" or "GetAlarmAuditTrail")
        {
            // It audits an acknowledgement only when that acknowledgement exists: write the sample one first.
            await _source.ExecuteAsync(QueryCatalog.Request("AcknowledgeAlarm", SampleArguments["AcknowledgeAlarm"]), TestContext.Current.CancellationToken);
            if (queryName == "GetAlarmAuditTrail")
            {
                await _source.ExecuteAsync(QueryCatalog.Request("RecordAcknowledgementAudit", SampleArguments["RecordAcknowledgementAudit"]), TestContext.Current.CancellationToken);
            }
        }

        if (queryName == "GetChatteringAlarms")
        {
            // The generated history has no chattering device: give one three faults within a minute.
            await _source.ExecuteAsync(AlarmHistorySeed.Faults("FUS-001-01-01", TestTerritory.AsOf.AddDays(-2), count: 3, apart: TimeSpan.FromSeconds(20)), TestContext.Current.CancellationToken);
        }

        if (queryName is "RecordShelveAudit" or "UnshelveAlarm" or "RecordUnshelveAudit")
        {
            // Each works on the sample shelf (and the unshelve audit on its early end): write them first.
            await _source.ExecuteAsync(QueryCatalog.Request("ShelveAlarm", SampleArguments["ShelveAlarm"]), TestContext.Current.CancellationToken);
            if (queryName == "RecordUnshelveAudit")
            {
                await _source.ExecuteAsync(QueryCatalog.Request("UnshelveAlarm", SampleArguments["UnshelveAlarm"]), TestContext.Current.CancellationToken);
            }
        }

        if (Setups.TryGetValue(queryName, out var setup))
        {
            foreach (var statement in setup())
            {
                await _source.ExecuteAsync(new SqlRequest("Setup", statement, [], SqlRequest.DefaultTimeout), TestContext.Current.CancellationToken);
            }
        }

        if (IsWrite(text))
        {
            Assert.Equal(1, await _source.ExecuteAsync(request, TestContext.Current.CancellationToken));
            return;
        }

        var rows = await _source.QueryAsync(request, r => r, TestContext.Current.CancellationToken);

        Assert.NotEmpty(rows);
    }

    [Fact]
    public async Task Every_sample_query_maps_to_records_through_the_read_api()
    {
        var queries = new GridQueries(_source);
        var token = TestContext.Current.CancellationToken;

        Assert.NotNull(await queries.GetKpisAsync(token));
        Assert.NotNull(await queries.GetSubstationAsync("SUB-001", token));
        Assert.NotNull(await queries.GetFeederAsync("FDR-001-01", token));
        Assert.NotEmpty(await queries.GetFeedersBySubstationAsync("SUB-001", token));
        Assert.NotEmpty(await queries.GetCircuitStatusAsync(50, token));
        Assert.NotEmpty(await queries.GetFeederLinesAsync("FDR-001-01", token));
        Assert.NotEmpty(await queries.GetActiveOutagesAsync(50, token));
        Assert.NotEmpty(await queries.GetOpenWorkOrdersAsync(50, token));
        Assert.NotEmpty(await queries.GetCrewsAsync(50, token));
    }

    [Fact]
    public async Task Unknown_id_returns_nothing_rather_than_failing()
    {
        var queries = new GridQueries(_source);

        Assert.Null(await queries.GetFeederAsync("FDR-DOES-NOT-EXIST", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Broken_sql_surfaces_as_a_query_error_of_the_embedded_source()
    {
        var request = new SqlRequest("Broken", "SELECT * FROM PRODUCTION.NO_SUCH_TABLE", [], SqlRequest.DefaultTimeout);

        var error = await Assert.ThrowsAsync<FluxDataException>(() => _source.QueryAsync(request, r => r, TestContext.Current.CancellationToken));

        Assert.Equal(DataSourceKind.Embedded, error.Source);
        Assert.Equal(DataErrorKind.Query, error.Kind);
        Assert.Contains("Broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_passes_through_untouched()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new GridQueries(_source).GetKpisAsync(cancelled.Token));
    }

    private static bool IsWrite(string text)
    {
        var statement = string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).TrimStart();
        return statement.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || statement.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || statement.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _source.Dispose();
}
