using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Web.Live;

public sealed class AlarmAcknowledgementTests
{
    [Fact]
    public async Task Acknowledgement_survives_a_restart_and_a_repeat_changes_nothing()
    {
        var token = TestContext.Current.CancellationToken;
        var at = new DateTimeOffset(2026, 11, 20, 15, 5, 0, TimeSpan.Zero);
        string path;
        string alarmId;
        await using (var first = new OpsCenterAppFactory())
        {
            path = first.DatabasePath;
            first.CreateClient().Dispose();
            var queries = first.Services.GetRequiredService<GridQueries>();
            alarmId = (await queries.GetAlarmsAsync(at, 50, token)).First(a => !a.IsAcknowledged).AlarmId;

            Assert.True(await first.Services.GetRequiredService<GridCommands>().AcknowledgeAlarmAsync(alarmId, "op.garcia", "crew informed", at, token));
        }

        await using var second = new OpsCenterAppFactory(path);
        second.CreateClient().Dispose();
        var commands = second.Services.GetRequiredService<GridCommands>();

        var repeated = await commands.AcknowledgeAlarmAsync(alarmId, "op.nguyen", "again", at.AddMinutes(5), token);
        var alarm = (await second.Services.GetRequiredService<GridQueries>().GetAlarmsAsync(at, 200, token)).Single(a => a.AlarmId == alarmId);

        Assert.False(repeated);
        Assert.Equal("op.garcia", alarm.AcknowledgedBy);
        Assert.Equal(at, alarm.AcknowledgedAt);
        Assert.Equal("crew informed", alarm.AcknowledgementComment);
        Assert.Equal(1, ViewQueries.Long(path, $"SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE SUBJECT_ID = '{alarmId}'"));
    }

    [Fact]
    public async Task Overlong_comment_is_refused_before_anything_is_written()
    {
        await using var factory = new OpsCenterAppFactory();
        factory.CreateClient().Dispose();
        var commands = factory.Services.GetRequiredService<GridCommands>();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            commands.AcknowledgeAlarmAsync("OUT-1", "op", new string('x', GridCommands.MaxCommentLength + 1), DateTimeOffset.UtcNow, TestContext.Current.CancellationToken));
    }
}
