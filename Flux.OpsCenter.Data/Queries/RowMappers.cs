using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Spatial;

namespace Flux.OpsCenter.Data.Queries;

/// <summary>The one mapping path from result rows to records, shared by every source.</summary>
public static class RowMappers
{
    public static OpsKpis Kpis(ISqlRow r) => new(
        r.GetTimestamp("AS_OF"),
        r.GetInt64("TOTAL_CUSTOMERS"),
        r.GetInt64("CUSTOMERS_OUT"),
        r.GetInt64("ACTIVE_OUTAGES"),
        r.GetInt64("CIRCUITS_IN_OUTAGE"),
        r.GetDouble("TOTAL_LOAD_MW"),
        r.GetDouble("PEAK_LOAD_MW_24H"),
        r.GetDouble("SYSTEM_CAPACITY_MW"),
        r.GetInt64("CREWS_ACTIVE"),
        r.GetInt64("OPEN_WORK_ORDERS"),
        r.GetDouble("AVG_RESTORATION_MINUTES"),
        r.GetNullableDouble("SAIDI_12M"),
        r.GetNullableDouble("SAIFI_12M"),
        r.GetNullableDouble("CAIDI_12M"),
        r.GetNullableDouble("AVG_ASSET_HEALTH"));

    public static SubstationSummary Substation(ISqlRow r) => new(
        r.GetString("SUBSTATION_ID"),
        r.GetString("SUBSTATION_NAME"),
        r.GetDouble("LATITUDE"),
        r.GetDouble("LONGITUDE"),
        r.GetString("REGION"),
        r.GetString("VOLTAGE_CLASS"),
        r.GetDouble("CAPACITY_MVA"),
        r.GetDouble("CURRENT_LOAD_MW"),
        r.GetDouble("LOAD_PCT"),
        r.GetInt64("CIRCUIT_COUNT"),
        r.GetInt64("TRANSFORMER_COUNT"),
        r.GetInt64("METER_COUNT"),
        r.GetInt64("CUSTOMERS_SERVED"),
        r.GetInt64("CUSTOMERS_OUT"),
        r.GetInt64("ACTIVE_OUTAGES"),
        r.GetNullableDouble("AVG_HEALTH"),
        r.GetString("STATUS"));

    public static FeederSummary Feeder(ISqlRow r) => new(
        r.GetString("CIRCUIT_ID"),
        r.GetString("CIRCUIT_NAME"),
        r.GetString("SUBSTATION_ID"),
        r.GetString("SUBSTATION_NAME"),
        r.GetString("VOLTAGE_CLASS"),
        r.GetDouble("VOLTAGE_KV"),
        r.GetDouble("LENGTH_MILES"),
        r.GetInt64("TRANSFORMER_COUNT"),
        r.GetInt64("METER_COUNT"),
        r.GetInt64("CUSTOMERS_SERVED"),
        r.GetInt64("CUSTOMERS_OUT"),
        r.GetDouble("CAPACITY_KVA"),
        r.GetDouble("CURRENT_LOAD_KW"),
        r.GetDouble("LOAD_PCT"),
        r.GetNullableDouble("AVG_HEALTH"),
        r.GetString("STATUS"),
        r.GetNullableString("TIE_CIRCUIT_ID"),
        r.GetNullableString("TIE_SWITCH_ID"),
        r.GetNullableDouble("CENTROID_LAT"),
        r.GetNullableDouble("CENTROID_LON"));

    public static CircuitStatus CircuitStatus(ISqlRow r) => new(
        r.GetString("CIRCUIT_ID"),
        r.GetString("CIRCUIT_NAME"),
        r.GetString("SUBSTATION_ID"),
        r.GetString("SUBSTATION_NAME"),
        r.GetString("STATUS"),
        r.GetInt64("CUSTOMERS_SERVED"),
        r.GetInt64("CUSTOMERS_OUT"),
        r.GetInt64("ACTIVE_OUTAGES"),
        r.GetNullableTimestamp("FIRST_OUTAGE_START"),
        r.GetDouble("CURRENT_LOAD_KW"),
        r.GetDouble("CAPACITY_KVA"),
        r.GetDouble("LOAD_PCT"),
        r.GetNullableDouble("AVG_HEALTH_SCORE"),
        r.GetNullableDouble("CENTROID_LAT"),
        r.GetNullableDouble("CENTROID_LON"),
        r.GetTimestamp("LAST_UPDATED"));

    public static CustomerAccount CustomerAccount(ISqlRow r) => new(
        r.GetString("CUSTOMER_ID"), r.GetString("FULL_NAME"), r.GetString("SERVICE_ADDRESS"), r.GetString("CITY"), r.GetString("STATE"),
        r.GetString("ZIP_CODE"), r.GetString("CUSTOMER_SEGMENT"), r.GetString("ACCOUNT_STATUS"), r.GetBoolean("IS_CRITICAL_CARE"),
        r.GetString("METER_ID"), r.GetString("TRANSFORMER_ID"), r.GetString("CIRCUIT_ID"), r.GetString("SUBSTATION_ID"));

    public static TopologyNode TopologyNode(ISqlRow r) => new(
        r.GetString("ASSET_ID"),
        r.GetString("ASSET_TYPE"),
        r.GetString("ASSET_NAME"),
        r.GetString("SUBSTATION_ID"),
        r.GetNullableString("CIRCUIT_ID"),
        r.GetDouble("LATITUDE"),
        r.GetDouble("LONGITUDE"),
        r.GetString("STATUS"),
        r.GetDouble("VOLTAGE_KV"),
        r.GetNullableDouble("HEALTH_SCORE"),
        r.GetNullableDouble("LOAD_PCT"),
        r.IsNull("CUSTOMERS") ? null : r.GetInt64("CUSTOMERS"));

    public static FeederLineSegment FeederLine(ISqlRow r) => new(
        r.GetString("SEGMENT_ID"),
        r.GetString("CIRCUIT_ID"),
        r.GetString("SUBSTATION_ID"),
        r.GetString("SEGMENT_TYPE"),
        r.GetNullableString("PARENT_SEGMENT_ID"),
        (int)r.GetInt64("SEQUENCE_NO"),
        r.GetString("PROTECTIVE_DEVICE_ID"),
        r.GetString("PROTECTIVE_DEVICE_TYPE"),
        r.GetDouble("FROM_LATITUDE"),
        r.GetDouble("FROM_LONGITUDE"),
        r.GetDouble("TO_LATITUDE"),
        r.GetDouble("TO_LONGITUDE"),
        r.GetDouble("LENGTH_M"),
        r.GetDouble("VOLTAGE_KV"));

    public static Outage Outage(ISqlRow r) => new(
        r.GetString("OUTAGE_ID"),
        r.GetString("CIRCUIT_ID"),
        r.GetString("SUBSTATION_ID"),
        r.GetString("DEVICE_ID"),
        r.GetString("DEVICE_TYPE"),
        r.GetTimestamp("OUTAGE_START_TIME"),
        r.GetNullableTimestamp("OUTAGE_END_TIME"),
        r.GetString("STATUS"),
        r.GetString("CAUSE"),
        r.GetInt64("CUSTOMERS_AFFECTED"),
        r.GetInt64("AFFECTED_TRANSFORMERS"),
        r.GetNullableTimestamp("ESTIMATED_RESTORATION"),
        r.GetNullableString("CREW_ID"),
        r.GetBoolean("IS_MOMENTARY"),
        r.GetDouble("LATITUDE"),
        r.GetDouble("LONGITUDE"));

    /// <summary>An outage read with its lifecycle stage and ETR owner (APPLICATIONS.OUTAGE_WORKFLOW).</summary>
    public static Outage OutageWithStage(ISqlRow r) => Outage(r) with
    {
        Stage = OutageLifecycle.Parse(r.GetString("STAGE")),
        EtrSource = r.GetString("ETR_SOURCE") == "CREW" ? Grid.EtrSource.Crew : Grid.EtrSource.Estimate,
    };

    public static WorkOrder WorkOrder(ISqlRow r) => new(
        r.GetString("WORK_ORDER_ID"),
        r.GetNullableString("OUTAGE_ID"),
        r.GetString("ASSET_ID"),
        r.GetString("ASSET_TYPE"),
        r.GetString("CIRCUIT_ID"),
        r.GetString("SUBSTATION_ID"),
        r.GetString("WORK_TYPE"),
        r.GetString("PRIORITY"),
        r.GetString("STATUS"),
        r.GetString("DESCRIPTION"),
        r.GetNullableString("CREW_ID"),
        r.GetTimestamp("CREATED_AT"),
        r.GetNullableTimestamp("SCHEDULED_START"),
        r.GetNullableTimestamp("COMPLETED_AT"),
        r.GetDouble("ESTIMATED_HOURS"));

    public static GridAlarm Alarm(ISqlRow r) => new(
        r.GetString("ALARM_ID"),
        r.GetString("ALARM_TYPE"),
        r.GetString("PRIORITY"),
        r.GetTimestamp("RAISED_AT"),
        r.GetNullableTimestamp("RETURNED_AT"),
        r.GetString("CIRCUIT_ID"),
        r.GetString("SUBSTATION_ID"),
        r.GetString("OPERATOR_POSITION"),
        r.GetString("SUBJECT_ID"),
        r.GetNullableString("OUTAGE_ID"),
        r.GetInt64("CUSTOMERS_AFFECTED"),
        r.GetInt64("CRITICAL_CARE_CUSTOMERS"),
        r.GetString("MESSAGE"),
        r.GetBoolean("IS_ACTIVE"),
        r.GetBoolean("IS_SUPPRESSED"),
        r.GetNullableString("ACKNOWLEDGED_BY"),
        r.GetNullableTimestamp("ACKNOWLEDGED_AT"),
        r.GetNullableString("ACKNOWLEDGEMENT_COMMENT"),
        r.GetNullableString("SHELVED_BY"),
        r.GetNullableTimestamp("SHELVED_UNTIL"),
        r.GetNullableString("SHELVE_REASON"));

    public static AlarmAuditEntry AlarmAuditEntry(ISqlRow r) => new(
        r.GetTimestamp("OCCURRED_AT"),
        r.GetString("USER_NAME"),
        r.GetString("ACTION"),
        r.GetNullableString("DETAIL"));

    public static AlarmPositionRate AlarmPositionRate(ISqlRow r) => new(
        r.GetString("OPERATOR_POSITION"),
        r.GetInt64("ALARMS"),
        r.GetInt64("PEAK_PER_10_MIN"),
        r.GetInt64("FLOOD_INTERVALS"),
        r.GetInt64("ALARMS_IN_FLOODS"));

    public static AlarmBadActor AlarmBadActor(ISqlRow r) => new(
        r.GetString("SUBJECT_ID"),
        r.GetString("ALARM_TYPE"),
        r.GetString("CIRCUIT_ID"),
        r.GetString("OPERATOR_POSITION"),
        r.GetInt64("ALARMS"),
        r.GetTimestamp("LAST_RAISED_AT"));

    public static ChatteringAlarm ChatteringAlarm(ISqlRow r) => new(
        r.GetString("SUBJECT_ID"),
        r.GetString("ALARM_TYPE"),
        r.GetString("CIRCUIT_ID"),
        r.GetString("OPERATOR_POSITION"),
        r.GetInt64("ALARMS"),
        r.GetInt64("PEAK_PER_MINUTE"));

    public static Crew Crew(ISqlRow r) => new(
        r.GetString("CREW_ID"),
        r.GetString("CREW_NAME"),
        r.GetString("CREW_TYPE"),
        r.GetString("SERVICE_CENTER"),
        r.GetInt64("MEMBERS"),
        r.GetDouble("CURRENT_LATITUDE"),
        r.GetDouble("CURRENT_LONGITUDE"),
        r.GetString("STATUS"),
        r.GetNullableString("ASSIGNED_OUTAGE_ID"),
        r.GetNullableString("ASSIGNED_WORK_ORDER_ID"),
        r.GetTimestamp("SHIFT_START"),
        r.GetTimestamp("SHIFT_END"),
        r.GetTimestamp("LAST_UPDATED"));

    public static MapAssetRow MapAsset(ISqlRow r) => new(
        r.GetString("ASSET_TYPE"),
        r.GetString("ASSET_ID"),
        r.GetDouble("LATITUDE"),
        r.GetDouble("LONGITUDE"),
        r.GetString("STATUS"),
        r.GetNullableDouble("HEALTH_SCORE"));

    public static MapAssetStatusRow MapAssetStatus(ISqlRow r) => new(
        r.GetString("ASSET_TYPE"),
        r.GetString("ASSET_ID"),
        r.GetString("STATUS"),
        r.GetNullableDouble("HEALTH_SCORE"));

    public static LoadPoint LoadPoint(ISqlRow r) => new(r.GetTimestamp("LOAD_HOUR"), r.GetDouble("LOAD_KW"));

    public static TransformerSummary Transformer(ISqlRow r) => new(
        r.GetString("TRANSFORMER_ID"),
        r.GetString("TRANSFORMER_NAME"),
        r.GetString("CIRCUIT_ID"),
        r.GetString("SUBSTATION_ID"),
        r.GetDouble("RATED_KVA"),
        r.GetDouble("LOAD_KW"),
        r.GetNullableDouble("LOAD_PCT"),
        r.GetNullableDouble("HEALTH_SCORE"),
        r.GetInt64("AGE_YEARS"),
        r.IsNull("CUSTOMERS") ? 0 : r.GetInt64("CUSTOMERS"),
        r.GetString("STATUS"),
        null);

    public static TransformerSummary TransformerRisk(ISqlRow r) => Transformer(r) with
    {
        RiskScore = r.GetNullableDouble("RISK_SCORE"),
        RiskCategory = r.GetNullableString("RISK_CATEGORY"),
        RiskDrivers = RiskDrivers(r),
    };

    /// <summary>The stored model's top drivers of one transformer's risk, strongest first (TOP_DRIVER, SECOND_DRIVER, THIRD_DRIVER).</summary>
    public static IReadOnlyList<string> RiskDrivers(ISqlRow r) =>
        new[] { r.GetNullableString("TOP_DRIVER"), r.GetNullableString("SECOND_DRIVER"), r.GetNullableString("THIRD_DRIVER") }
            .Where(d => d is not null and not "NONE").Select(d => d!).ToList();

    public static CustomerClassCount CustomerClass(ISqlRow r) => new(
        r.GetString("CUSTOMER_SEGMENT"),
        r.GetInt64("CUSTOMERS"),
        r.GetInt64("CRITICAL_CARE"));

    public static CustomerLocation CustomerLocation(ISqlRow r) => new(
        r.GetString("CUSTOMER_ID"),
        r.GetString("METER_ID"),
        r.GetString("CIRCUIT_ID"),
        r.GetDouble("LATITUDE"),
        r.GetDouble("LONGITUDE"));

    public static PriorPeriodReliability PriorPeriodReliability(ISqlRow r) => new(
        r.GetTimestamp("PERIOD_START"),
        r.GetTimestamp("PERIOD_END"),
        r.GetInt64("EVENTS"),
        r.GetNullableDouble("SAIDI"),
        r.GetNullableDouble("SAIFI"),
        r.GetNullableDouble("CAIDI"));

    /// <summary>A row of a paged list with the list's total match count alongside.</summary>
    public static (T Row, long TotalRows) Paged<T>(ISqlRow r, Func<ISqlRow, T> map) => (map(r), r.GetInt64("TOTAL_ROWS"));
}
