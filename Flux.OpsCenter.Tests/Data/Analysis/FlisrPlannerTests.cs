using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Analysis;

/// <summary>FLISR proposals on the small territory, checked against customer counts taken straight from the tables.</summary>
public sealed class FlisrPlannerTests : IDisposable
{
    private readonly string _path = TestTerritory.CreateCopy();
    private readonly DuckDbSource _source;
    private readonly NetworkService _network;

    public FlisrPlannerTests()
    {
        _source = new DuckDbSource(_path);
        _network = new NetworkService(_source);
    }

    [Fact]
    public async Task A_fault_in_the_recloser_section_isolates_it_and_restores_exactly_the_customers_beyond_it_over_the_tie()
    {
        var (recloser, sectionalizer, tie) = Feeder();
        var tripped = Tripped(await _network.GetStateAsync(TestContext.Current.CancellationToken), recloser);
        var beyond = ActiveCustomersOnFusesUnder(sectionalizer);

        var proposal = FlisrPlanner.Propose(tripped, recloser, null)!;

        Assert.True(beyond > 0);
        Assert.Equal([(sectionalizer, SwitchingAction.Open), (tie, SwitchingAction.Close)], proposal.Steps.Select(s => (s.DeviceId, s.Action)));
        Assert.All(proposal.Steps, s => Assert.Equal(StepOutcome.Ok, s.Outcome));
        Assert.Equal(beyond, proposal.CustomersRestored);
        Assert.Equal(beyond, proposal.Steps[1].CustomersRestored);
        Assert.Equal(ActiveCustomersOnFusesUnder(recloser), proposal.CustomersInFaultedSection);
        Assert.NotNull(proposal.Steps[1].PickingUpLoadPct);
        Assert.InRange(proposal.Steps[1].PickingUpLoadPct!.Value, 0, SwitchingStudy.RatingLimitPct);
    }

    [Fact]
    public async Task A_fault_below_the_tripped_recloser_is_isolated_and_the_recloser_recloses_to_restore_the_section_above_it()
    {
        var (recloser, sectionalizer, _) = Feeder();
        var tripped = Tripped(await _network.GetStateAsync(TestContext.Current.CancellationToken), recloser);
        var above = ActiveCustomersOnFusesUnder(recloser);

        var proposal = FlisrPlanner.Propose(tripped, recloser, sectionalizer)!;

        Assert.Equal([(sectionalizer, SwitchingAction.Open), (recloser, SwitchingAction.Close)], proposal.Steps.Select(s => (s.DeviceId, s.Action)));
        Assert.Equal(above, proposal.CustomersRestored);
        Assert.Equal(ActiveCustomersOnFusesUnder(sectionalizer), proposal.CustomersInFaultedSection);
    }

    [Fact]
    public async Task Without_headroom_on_the_tie_feeder_the_part_beyond_stays_out_and_the_proposal_says_why()
    {
        var (recloser, sectionalizer, tie) = Feeder();
        var state = await _network.GetStateAsync(TestContext.Current.CancellationToken);
        var pickingUp = state.Model.Device(state.Model.IndexOfDevice(tie)).CircuitId;
        // The picking-up feeder rated below what it already carries: no tie has headroom.
        var devices = (await _source.QueryAsync(new Flux.OpsCenter.Data.SqlRequest("GetSwitchingDevices", Flux.OpsCenter.Data.Queries.QueryCatalog.Query("GetSwitchingDevices"), [], TimeSpan.FromMinutes(1)),
            NetworkService.MapDevice, TestContext.Current.CancellationToken)).Select(d => d.CircuitId == pickingUp ? d with { CircuitCapacityKva = 1 } : d).ToList();
        var transformers = await _source.QueryAsync(new Flux.OpsCenter.Data.SqlRequest("GetTransformerConnections", Flux.OpsCenter.Data.Queries.QueryCatalog.Query("GetTransformerConnections"), [], TimeSpan.FromMinutes(1)),
            NetworkService.MapTransformer, TestContext.Current.CancellationToken);
        var tight = Tripped(ConnectivityModel.Build(devices, transformers).Derive(), recloser);

        var proposal = FlisrPlanner.Propose(tight, recloser, null)!;

        Assert.Equal([(sectionalizer, SwitchingAction.Open)], proposal.Steps.Select(s => (s.DeviceId, s.Action)));
        Assert.Equal(0, proposal.CustomersRestored);
        Assert.Contains("headroom", Assert.Single(proposal.Notes), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _network.Dispose();
        _source.Dispose();
    }

    private static ConnectivityState Tripped(ConnectivityState state, string device) => state.With(state.Model.IndexOfDevice(device), open: true);

    /// <summary>A feeder whose trunk end a normally-open tie reaches behind its sectionalizer, with nothing open on either feeder.</summary>
    private (string Recloser, string Sectionalizer, string Tie) Feeder()
    {
        var tie = Text("""
            SELECT MIN(d.DEVICE_ID) FROM PRODUCTION.SWITCHING_DEVICES d
            WHERE d.DEVICE_TYPE = 'TIE' AND d.CURRENT_STATE = 'OPEN' AND d.TIE_PARENT_DEVICE_ID LIKE 'SEC-%'
              AND NOT EXISTS (SELECT 1 FROM PRODUCTION.SWITCHING_DEVICES o
                              WHERE o.CIRCUIT_ID IN (d.CIRCUIT_ID, d.TIE_CIRCUIT_ID) AND o.DEVICE_TYPE <> 'TIE' AND o.CURRENT_STATE = 'OPEN')
              AND (SELECT COUNT(*) FROM PRODUCTION.SWITCHING_DEVICES t WHERE t.DEVICE_TYPE = 'TIE'
                   AND (t.TIE_PARENT_DEVICE_ID = d.TIE_PARENT_DEVICE_ID OR t.PARENT_DEVICE_ID = d.TIE_PARENT_DEVICE_ID)) = 1
            """);
        var sectionalizer = Text($"SELECT TIE_PARENT_DEVICE_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{tie}'");
        var recloser = Text($"SELECT PARENT_DEVICE_ID FROM PRODUCTION.SWITCHING_DEVICES WHERE DEVICE_ID = '{sectionalizer}'");
        return (recloser, sectionalizer, tie);
    }

    /// <summary>ACTIVE customers on the fuse laterals a section device heads: that section's own customers.</summary>
    private int ActiveCustomersOnFusesUnder(string sectionDevice) => (int)ViewQueries.Long(_path, $"""
        SELECT COUNT(*) FROM PRODUCTION.CUSTOMERS_MASTER_DATA c
        JOIN PRODUCTION.TRANSFORMER_METADATA t ON t.TRANSFORMER_ID = c.TRANSFORMER_ID
        JOIN PRODUCTION.SWITCHING_DEVICES f ON f.DEVICE_ID = t.FUSE_ID
        WHERE f.PARENT_DEVICE_ID = '{sectionDevice}' AND c.ACCOUNT_STATUS = 'ACTIVE' AND c.CUSTOMER_SEGMENT IN ('RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL')
        """);

    private string Text(string sql) => (string)ViewQueries.Scalar(_path, sql)!;
}
