using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Data.Embedded;

/// <summary>A write and what belongs to it (its audit row, an outage's work order) commit together or not at all.</summary>
public sealed class WholeWritesTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly DuckDbSource _source = new(TestTerritory.CreateCopy());

    private string Path => _source.DatabasePath;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_acknowledgement_writes_its_audit_row_in_the_same_batch_and_only_once()
    {
        var commands = new GridCommands(_source);

        Assert.True(await commands.AcknowledgeAlarmAsync("NEW-OUT-WHOLE-1", "op.one", "on it", At, Token));
        Assert.False(await commands.AcknowledgeAlarmAsync("NEW-OUT-WHOLE-1", "op.two", "me too", At.AddMinutes(1), Token));

        Assert.Equal(1, ViewQueries.Long(Path, "SELECT COUNT(*) FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ALARM_ID = 'NEW-OUT-WHOLE-1'"));
        Assert.Equal("op.one", ViewQueries.Scalar(Path,
            "SELECT USER_NAME FROM APPLICATIONS.AUDIT_LOG WHERE ACTION = 'ACKNOWLEDGE_ALARM' AND SUBJECT_ID = 'NEW-OUT-WHOLE-1'"));
        Assert.Equal(1, ViewQueries.Long(Path, "SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE SUBJECT_ID = 'NEW-OUT-WHOLE-1'"));
    }

    [Fact]
    public async Task An_acknowledgement_whose_audit_row_fails_leaves_neither_row()
    {
        var commands = new GridCommands(new FailingLastStatementSource(_source));

        var error = await Assert.ThrowsAsync<FluxDataException>(() => commands.AcknowledgeAlarmAsync("NEW-OUT-WHOLE-2", "op.one", "lost?", At, Token));

        Assert.Equal(DataErrorKind.Query, error.Kind);
        Assert.Equal(0, ViewQueries.Long(Path, "SELECT COUNT(*) FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ALARM_ID = 'NEW-OUT-WHOLE-2'"));
        Assert.Equal(0, ViewQueries.Long(Path, "SELECT COUNT(*) FROM APPLICATIONS.AUDIT_LOG WHERE SUBJECT_ID = 'NEW-OUT-WHOLE-2'"));
    }

    [Fact]
    public async Task A_fault_whose_work_order_fails_leaves_no_outage_and_the_next_fault_succeeds()
    {
        var failing = new FailingLastStatementSource(_source);
        using var simulator = new LiveEventSimulator(failing, new SimulatorOptions { FaultsPerHour = 0, Seed = 7 }, new FakeTimeProvider(At));
        await simulator.InitializeAsync(Token);
        var outagesBefore = ViewQueries.Long(Path, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER");
        var ordersBefore = ViewQueries.Long(Path, "SELECT COUNT(*) FROM PRODUCTION.WORK_ORDERS");

        await Assert.ThrowsAsync<FluxDataException>(() => simulator.InjectFaultAsync(null, Token));

        Assert.Equal(outagesBefore, ViewQueries.Long(Path, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER"));
        Assert.Equal(ordersBefore, ViewQueries.Long(Path, "SELECT COUNT(*) FROM PRODUCTION.WORK_ORDERS"));

        failing.Failing = false;
        var fault = await simulator.InjectFaultAsync(null, Token);
        Assert.NotNull(fault);
        Assert.Equal(1, ViewQueries.Long(Path, $"SELECT COUNT(*) FROM PRODUCTION.WORK_ORDERS WHERE OUTAGE_ID = '{fault.OutageId}'"));
    }

    public void Dispose() => _source.Dispose();
}
