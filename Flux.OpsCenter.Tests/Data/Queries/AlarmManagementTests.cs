using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Queries;

/// <summary>ISA-18.2 alarm priority, states, shelving and order, on a private copy of the small territory.</summary>
public sealed class AlarmManagementTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestTerritory.AsOf.AddMinutes(5);
    private readonly string _path = TestTerritory.CreateCopy();
    private readonly DuckDbSource _source;
    private readonly GridQueries _queries;
    private readonly GridCommands _commands;

    public AlarmManagementTests()
    {
        _source = new DuckDbSource(_path);
        _queries = new GridQueries(_source);
        _commands = new GridCommands(_source);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Priority_mix_over_the_generated_alarm_history_is_about_80_15_5()
    {
        var rows = ViewQueries.Long(_path, "SELECT COUNT(*) FROM APPLICATIONS.ALARM_HISTORY");
        double Share(string priority) => ViewQueries.Long(_path, $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_HISTORY WHERE PRIORITY = '{priority}'") / (double)rows;

        // Every sustained outage is one alarm activation (the small preset has no overloaded feeder-hour in November).
        Assert.Equal(ViewQueries.Long(_path, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE IS_MOMENTARY = FALSE"), rows);
        Assert.True(rows > 1_000, $"only {rows} alarm rows");
        Assert.InRange(Share(AlarmPriorities.Low), 0.75, 0.85);
        Assert.InRange(Share(AlarmPriorities.Medium), 0.10, 0.20);
        Assert.InRange(Share(AlarmPriorities.High), 0.03, 0.08);
    }

    [Fact]
    public void A_feeder_lockout_with_critical_care_customers_is_high_and_a_small_transformer_outage_is_low()
    {
        // Re-derived from the base tables: critical-care customers behind each breaker, counted through its transformers.
        var highLockouts = ViewQueries.Long(_path, """
            SELECT COUNT(*) FROM APPLICATIONS.ALARM_HISTORY h
            JOIN PRODUCTION.OUTAGE_RESTORATION_TRACKER o ON 'NEW-' || o.OUTAGE_ID = h.ALARM_ID
            WHERE o.DEVICE_TYPE = 'BREAKER' AND h.PRIORITY <> 'HIGH'
              AND (SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = c.TRANSFORMER_ID
                   WHERE t.BREAKER_ID = o.DEVICE_ID AND c.IS_CRITICAL_CARE AND c.ACCOUNT_STATUS = 'ACTIVE') >= 2
            """);
        var lowTransformers = ViewQueries.Long(_path, """
            SELECT COUNT(*) FROM APPLICATIONS.ALARM_HISTORY h
            JOIN PRODUCTION.OUTAGE_RESTORATION_TRACKER o ON 'NEW-' || o.OUTAGE_ID = h.ALARM_ID
            WHERE o.DEVICE_TYPE = 'TRANSFORMER' AND o.CUSTOMERS_AFFECTED < 100 AND h.CRITICAL_CARE_CUSTOMERS = 0 AND h.PRIORITY <> 'LOW'
            """);

        Assert.Equal(0, highLockouts);
        Assert.Equal(0, lowTransformers);
        Assert.True(ViewQueries.Long(_path, "SELECT COUNT(*) FROM APPLICATIONS.ALARM_HISTORY WHERE ALARM_TYPE = 'LOCKOUT' AND PRIORITY = 'HIGH'") > 0);
    }

    [Fact]
    public async Task The_list_is_highest_priority_first_then_newest()
    {
        var alarms = await _queries.GetAlarmsAsync(Now, 200, Token);

        Assert.True(alarms.Select(a => a.Priority).Distinct().Count() >= 2, "the list needs two priorities to show its order");
        var keys = alarms.Select(a => (AlarmPriorities.Rank(a.Priority), -a.RaisedAt.UtcTicks)).ToList();
        Assert.Equal(keys.Order(), keys);
    }

    [Fact]
    public async Task An_acknowledged_alarm_stays_until_it_returns_to_normal_and_an_unacknowledged_one_returns_as_returned_unacknowledged()
    {
        var active = (await _queries.GetAlarmsAsync(Now, 200, Token)).Where(a => a.IsActive && a.State == AlarmState.Unacknowledged).Take(2).ToList();
        Assert.Equal(2, active.Count);
        var (acknowledged, unacknowledged) = (active[0], active[1]);

        await _commands.AcknowledgeAlarmAsync(acknowledged.AlarmId, "op.garcia", "crew sent", Now, Token);
        var afterAck = await AlarmAsync(acknowledged.AlarmId);
        await RestoreAsync(acknowledged.OutageId!, unacknowledged.OutageId!);
        var returnedAcknowledged = await AlarmAsync(acknowledged.AlarmId);
        var returnedUnacknowledged = await AlarmAsync(unacknowledged.AlarmId);

        Assert.Equal(AlarmState.Acknowledged, afterAck.State);
        Assert.True(afterAck.IsAnnunciated);
        Assert.Equal(AlarmState.Normal, returnedAcknowledged.State);
        Assert.False(returnedAcknowledged.IsAnnunciated);
        Assert.Equal(AlarmState.ReturnedUnacknowledged, returnedUnacknowledged.State);
        Assert.True(returnedUnacknowledged.IsAnnunciated);
        Assert.NotNull(returnedUnacknowledged.ReturnedAt);
    }

    [Fact]
    public async Task An_outage_downstream_of_an_active_lockout_is_suppressed_and_the_lockout_is_not()
    {
        var lockout = (await _queries.GetAlarmsAsync(Now, 200, Token)).First(a => a.AlarmType == "OUTAGE" && a.IsActive);
        // A lockout of the same feeder's breaker, raised a minute after the data's "now".
        await _source.ExecuteAsync(new SqlRequest("Lockout", """
            INSERT INTO PRODUCTION.OUTAGE_RESTORATION_TRACKER
            SELECT 'LOCK-1', f.CIRCUIT_ID, f.SUBSTATION_ID, f.BREAKER_ID, 'BREAKER', (SELECT AS_OF FROM APPLICATIONS.FLUX_DATA_CLOCK) + INTERVAL 1 MINUTE,
                   NULL, 'ACTIVE', 'EQUIPMENT', 300, 20, NULL, NULL, FALSE, 29.7, -95.4, NULL
            FROM PRODUCTION.CIRCUIT_METADATA f WHERE f.CIRCUIT_ID = ?
            """, [lockout.CircuitId], SqlRequest.DefaultTimeout), Token);

        var suppressed = await AlarmAsync(lockout.AlarmId);
        var breaker = await AlarmAsync("NEW-LOCK-1");

        Assert.Equal(AlarmState.Suppressed, suppressed.State);
        Assert.Equal(AlarmState.Unacknowledged, breaker.State);
        Assert.Equal("LOCKOUT", breaker.AlarmType);
    }

    [Fact]
    public async Task A_shelf_hides_the_alarm_until_its_expiry_with_reason_and_audit_and_a_repeat_changes_nothing()
    {
        var alarm = (await _queries.GetAlarmsAsync(Now, 200, Token)).First(a => a.State == AlarmState.Unacknowledged);
        var until = Now.AddHours(1);

        var shelved = await _commands.ShelveAlarmAsync(alarm.AlarmId, "op.lee", "known fault, crew on site", Now, until, Token);
        var again = await _commands.ShelveAlarmAsync(alarm.AlarmId, "op.kim", "again", Now.AddMinutes(1), until.AddHours(1), Token);
        var during = (await _queries.GetAlarmsAsync(until.AddSeconds(-1), 200, Token)).Single(a => a.AlarmId == alarm.AlarmId);
        var after = (await _queries.GetAlarmsAsync(until, 200, Token)).Single(a => a.AlarmId == alarm.AlarmId);

        Assert.True(shelved);
        Assert.False(again);
        Assert.Equal(AlarmState.Shelved, during.State);
        Assert.Equal(("op.lee", until, "known fault, crew on site"), (during.ShelvedBy, during.ShelvedUntil!.Value, during.ShelveReason));
        Assert.Equal(AlarmState.Unacknowledged, after.State);
        Assert.Equal(1, ViewQueries.Long(_path, $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_SHELVES WHERE ALARM_ID = '{alarm.AlarmId}'"));
        var trail = await _queries.GetAlarmAuditTrailAsync(alarm.AlarmId, 10, Token);
        var entry = Assert.Single(trail);
        Assert.Equal(("op.lee", "SHELVE_ALARM", Now), (entry.UserName, entry.Action, entry.OccurredAt));
        Assert.EndsWith("known fault, crew on site", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unshelving_early_returns_the_alarm_and_the_history_lists_who_did_what_when_in_order()
    {
        var alarm = (await _queries.GetAlarmsAsync(Now, 200, Token)).First(a => a.State == AlarmState.Unacknowledged);
        await _commands.ShelveAlarmAsync(alarm.AlarmId, "op.lee", "switching nearby", Now, Now.AddHours(2), Token);

        var unshelved = await _commands.UnshelveAlarmAsync(alarm.AlarmId, "op.kim", Now.AddMinutes(10), Token);
        var repeated = await _commands.UnshelveAlarmAsync(alarm.AlarmId, "op.kim", Now.AddMinutes(11), Token);
        await _commands.AcknowledgeAlarmAsync(alarm.AlarmId, "op.kim", "seen", Now.AddMinutes(12), Token);
        var state = (await _queries.GetAlarmsAsync(Now.AddMinutes(13), 200, Token)).Single(a => a.AlarmId == alarm.AlarmId).State;
        var trail = await _queries.GetAlarmAuditTrailAsync(alarm.AlarmId, 10, Token);

        Assert.True(unshelved);
        Assert.False(repeated);
        Assert.Equal(AlarmState.Acknowledged, state);
        Assert.Equal(
            [("op.lee", "SHELVE_ALARM", Now), ("op.kim", "UNSHELVE_ALARM", Now.AddMinutes(10)), ("op.kim", "ACKNOWLEDGE_ALARM", Now.AddMinutes(12))],
            trail.Select(e => (e.UserName, e.Action, e.OccurredAt)));
        Assert.Equal("seen", trail[^1].Detail);
    }

    [Fact]
    public async Task Acknowledge_selected_writes_one_acknowledgement_and_one_audit_row_per_alarm_in_one_transaction()
    {
        var alarms = (await _queries.GetAlarmsAsync(Now, 200, Token)).Where(a => !a.IsAcknowledged).Take(3).Select(a => a.AlarmId).ToList();
        await _commands.AcknowledgeAlarmAsync(alarms[0], "op.first", null, Now, Token);

        var recorded = await _commands.AcknowledgeAlarmsAsync(alarms, "op.garcia", "storm", Now.AddMinutes(1), Token);
        var repeated = await _commands.AcknowledgeAlarmsAsync(alarms, "op.garcia", "storm", Now.AddMinutes(2), Token);

        Assert.Equal(2, recorded);
        Assert.Equal(0, repeated);
        var ids = string.Join(", ", alarms.Select(a => $"'{a}'"));
        Assert.Equal(3, ViewQueries.Long(_path, $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE ACTION = 'ACKNOWLEDGE_ALARM' AND SUBJECT_ID IN ({ids})"));
        Assert.Equal("op.first", ViewQueries.Scalar(_path, $"SELECT ACKNOWLEDGED_BY FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ALARM_ID = '{alarms[0]}'"));
        Assert.Equal(2, ViewQueries.Long(_path, $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ACKNOWLEDGED_BY = 'op.garcia' AND COMMENT = 'storm'"));
    }

    [Fact]
    public async Task A_shelf_without_reason_or_outside_5_minutes_to_12_hours_is_refused_before_anything_is_written()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _commands.ShelveAlarmAsync("NEW-X", "op", " ", Now, Now.AddHours(1), Token));
        await Assert.ThrowsAsync<ArgumentException>(() => _commands.ShelveAlarmAsync("NEW-X", "op", "why", Now, Now.AddMinutes(4), Token));
        await Assert.ThrowsAsync<ArgumentException>(() => _commands.ShelveAlarmAsync("NEW-X", "op", "why", Now, Now.AddHours(12.1), Token));

        Assert.Equal(0, ViewQueries.Long(_path, "SELECT COUNT(*) FROM APPLICATIONS.ALARM_SHELVES"));
    }

    public void Dispose() => _source.Dispose();

    private async Task<GridAlarm> AlarmAsync(string alarmId) => (await _queries.GetAlarmsAsync(Now, 500, Token)).Single(a => a.AlarmId == alarmId);

    private Task<IReadOnlyList<long>> RestoreAsync(params string[] outageIds) => _source.ExecuteBatchAsync(
        [.. outageIds.Select(id => new SqlRequest("Restore",
            "UPDATE PRODUCTION.OUTAGE_RESTORATION_TRACKER SET OUTAGE_END_TIME = (SELECT AS_OF FROM APPLICATIONS.FLUX_DATA_CLOCK) + INTERVAL 1 MINUTE, STATUS = 'RESTORED' WHERE OUTAGE_ID = ?",
            [id], SqlRequest.DefaultTimeout))],
        Token);
}
