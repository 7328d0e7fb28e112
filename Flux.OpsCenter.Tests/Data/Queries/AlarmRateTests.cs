using System.Globalization;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Queries;

/// <summary>
/// The EEMUA 191 figures equal counts over the alarm history, re-derived here in C# from the base tables (sustained
/// outages and feeder-hours at or above rating, with their substation's region), not from the view.
/// </summary>
public sealed class AlarmRateTests
{
    private static readonly DateTimeOffset From = TestTerritory.AsOf.AddDays(-7);
    private static readonly DateTimeOffset To = TestTerritory.AsOf.AddMinutes(1);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rates_floods_bad_actors_and_chattering_equal_counts_over_the_alarm_history()
    {
        var path = TestTerritory.CreateCopy();
        using var source = new DuckDbSource(path);
        // A flood: twelve faults of one fuse 20 s apart inside one clock-aligned 10-minute interval (also chattering),
        // and a fuse that faults twice five minutes apart (neither).
        await source.ExecuteAsync(AlarmHistorySeed.Faults("FUS-002-01-03", TestTerritory.AsOf.AddHours(-3), count: 12, apart: TimeSpan.FromSeconds(20)), Token);
        await source.ExecuteAsync(AlarmHistorySeed.Faults("FUS-003-02-04", TestTerritory.AsOf.AddHours(-5), count: 2, apart: TimeSpan.FromMinutes(5)), Token);

        var report = await AlarmPerformanceReport.LoadAsync(new GridQueries(source), From, To, Token);
        var history = Activations(path);

        Assert.True(history.Count >= 14, $"only {history.Count} activations in the window");
        var expectedPositions = history.GroupBy(a => a.Position).ToDictionary(g => g.Key, g =>
        {
            var perInterval = g.GroupBy(a => a.RaisedAt.ToUnixTimeSeconds() / 600).Select(i => (long)i.Count()).ToList();
            return (Alarms: (long)g.Count(), Peak: perInterval.Max(), Floods: (long)perInterval.Count(c => c > 10), InFloods: perInterval.Where(c => c > 10).Sum());
        });
        foreach (var position in report.Positions)
        {
            var expected = expectedPositions.GetValueOrDefault(position.OperatorPosition);
            Assert.Equal(expected, (position.Alarms, position.PeakPer10Minutes, position.FloodIntervals, position.AlarmsInFloods));
        }

        Assert.Equal(history.Count, report.TotalAlarms);
        Assert.True(report.Positions.Sum(p => p.FloodIntervals) >= 1, "the seeded flood was not counted");

        var expectedActors = history.GroupBy(a => a.Subject).Select(g => (Subject: g.Key, Alarms: (long)g.Count()))
            .OrderByDescending(a => a.Alarms).ThenBy(a => a.Subject, StringComparer.Ordinal).Take(AlarmPerformanceReport.BadActorCount).ToList();
        Assert.Equal(expectedActors, report.BadActors.Select(b => (b.SubjectId, b.Alarms)));
        Assert.Equal("FUS-002-01-03", report.BadActors[0].SubjectId);

        var expectedChattering = history.GroupBy(a => a.Subject)
            .Select(g => (Subject: g.Key, Alarms: (long)g.Count(), Peak: (long)g.Max(a => g.Count(b => b.RaisedAt >= a.RaisedAt && b.RaisedAt < a.RaisedAt.AddMinutes(1)))))
            .Where(c => c.Peak >= ChatteringAlarm.Threshold)
            .OrderBy(c => c.Subject, StringComparer.Ordinal).ToList();
        Assert.Equal(expectedChattering, report.Chattering.Select(c => (c.SubjectId, c.Alarms, c.PeakPerMinute)).OrderBy(c => c.SubjectId, StringComparer.Ordinal));
        Assert.Contains(report.Chattering, c => c.SubjectId == "FUS-002-01-03" && c.PeakPerMinute == 3);
        Assert.DoesNotContain(report.Chattering, c => c.SubjectId == "FUS-003-02-04");
    }

    [Fact]
    public async Task A_window_of_nothing_or_of_more_than_31_days_is_refused()
    {
        using var source = new DuckDbSource(TestTerritory.CreateCopy());
        var queries = new GridQueries(source);

        await Assert.ThrowsAsync<ArgumentException>(() => AlarmPerformanceReport.LoadAsync(queries, To, To, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => AlarmPerformanceReport.LoadAsync(queries, To.AddDays(-32), To, Token));
    }

    private static List<(string Subject, string Position, DateTimeOffset RaisedAt)> Activations(string path)
    {
        var rows = ViewQueries.Column(path, $"""
            SELECT o.DEVICE_ID || '|' || s.REGION || '|' || CAST(EPOCH(o.OUTAGE_START_TIME) AS BIGINT)
            FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER o JOIN PRODUCTION.SUBSTATIONS s ON s.SUBSTATION_ID = o.SUBSTATION_ID
            WHERE NOT o.IS_MOMENTARY AND o.OUTAGE_START_TIME >= TIMESTAMP '{From.UtcDateTime:yyyy-MM-dd HH:mm:ss}' AND o.OUTAGE_START_TIME < TIMESTAMP '{To.UtcDateTime:yyyy-MM-dd HH:mm:ss}'
            UNION ALL
            SELECT l.CIRCUIT_ID || '|' || s.REGION || '|' || CAST(EPOCH(l.LOAD_HOUR) AS BIGINT)
            FROM PRODUCTION.FEEDER_HOURLY_LOAD l
            JOIN PRODUCTION.CIRCUIT_METADATA f ON f.CIRCUIT_ID = l.CIRCUIT_ID
            JOIN PRODUCTION.SUBSTATIONS s ON s.SUBSTATION_ID = f.SUBSTATION_ID
            WHERE l.LOAD_KW >= f.CAPACITY_KVA AND l.LOAD_HOUR >= TIMESTAMP '{From.UtcDateTime:yyyy-MM-dd HH:mm:ss}' AND l.LOAD_HOUR < TIMESTAMP '{To.UtcDateTime:yyyy-MM-dd HH:mm:ss}'
            """);
        return [.. rows.Select(r => r.Split('|')).Select(p => (p[0], p[1], DateTimeOffset.FromUnixTimeSeconds(long.Parse(p[2], CultureInfo.InvariantCulture))))];
    }
}
