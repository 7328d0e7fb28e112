using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Analysis;

public sealed class SwitchingStudyTests : IDisposable
{
    private readonly DuckDbSource _source = new(TestTerritory.CreateCopy());
    private readonly NetworkService _network;

    public SwitchingStudyTests()
    {
        _network = new NetworkService(_source);
    }

    [Fact]
    public async Task Closing_a_tie_between_two_energised_feeders_is_refused_and_later_steps_are_not_checked()
    {
        var state = await _network.GetStateAsync(TestContext.Current.CancellationToken);
        var tie = EnergisedTie(state);

        var steps = SwitchingStudy.Validate(state, [new(tie.Id, SwitchingAction.Close), new(tie.Id, SwitchingAction.Open)]);

        Assert.Equal(StepOutcome.Refused, steps[0].Outcome);
        Assert.Contains("radially", steps[0].Messages.Single(), StringComparison.Ordinal);
        Assert.Equal(StepOutcome.NotEvaluated, steps[1].Outcome);
    }

    [Fact]
    public async Task A_tie_transfer_restores_exactly_the_customers_the_sectionalizer_dropped_onto_the_other_feeder()
    {
        var state = await _network.GetStateAsync(TestContext.Current.CancellationToken);
        var model = state.Model;
        var tie = EnergisedTie(state);
        var far = model.IndexOfDevice(tie.TieParentDeviceId!);
        var dropped = state.CustomersFedThrough(far);
        var pickingUpBreaker = model.BreakerOfCircuit(tie.CircuitId);
        var expectedPct = Math.Round((state.LoadThroughKw(pickingUpBreaker) + state.LoadThroughKw(far)) / model.Device(pickingUpBreaker).CircuitCapacityKva * 100, 1);

        var steps = SwitchingStudy.Validate(state, [new(model.Device(far).Id, SwitchingAction.Open), new(tie.Id, SwitchingAction.Close)]);

        Assert.True(dropped > 0);
        Assert.Equal(StepOutcome.Warning, steps[0].Outcome);
        Assert.Equal(dropped, steps[0].CustomersDeEnergized);
        Assert.Equal(dropped, steps[1].CustomersRestored);
        Assert.Equal(tie.CircuitId, steps[1].PickingUpCircuitId);
        Assert.Equal(expectedPct, steps[1].PickingUpLoadPct);
        Assert.Equal(expectedPct > SwitchingStudy.RatingLimitPct ? StepOutcome.Warning : StepOutcome.Ok, steps[1].Outcome);
        Assert.False(state.IsOpen(far));
    }

    [Fact]
    public async Task Unknown_devices_and_operations_to_the_state_a_device_is_already_in_are_refused()
    {
        var state = await _network.GetStateAsync(TestContext.Current.CancellationToken);
        var tie = EnergisedTie(state);

        Assert.Contains("No switching device", SwitchingStudy.Validate(state, [new("FUS-999-99-99", SwitchingAction.Open)])[0].Messages[0], StringComparison.Ordinal);
        var again = SwitchingStudy.Validate(state, [new(tie.Id, SwitchingAction.Open)])[0];
        Assert.Equal(StepOutcome.Refused, again.Outcome);
        Assert.Contains("already open", again.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_transfer_past_the_picking_up_feeders_rating_warns()
    {
        // Two feeders of 1,000 kVA, each 700 kW at peak behind a sectionalizer-like recloser, tied at their ends.
        SwitchingDevice Device(string id, SwitchingDeviceType type, string circuit, string? parent, bool open, string? tieCircuit = null, string? tieParent = null) =>
            new(id, type, id, circuit, circuit, "SUB-" + circuit, "Substation " + circuit, parent, tieCircuit, tieParent, 29.7, -95.4, open, open, null, null, 1_000);
        var devices = new[]
        {
            Device("BKR-A", SwitchingDeviceType.Breaker, "A", null, false), Device("RCL-A", SwitchingDeviceType.Recloser, "A", "BKR-A", false),
            Device("FUS-A", SwitchingDeviceType.Fuse, "A", "RCL-A", false),
            Device("BKR-B", SwitchingDeviceType.Breaker, "B", null, false), Device("RCL-B", SwitchingDeviceType.Recloser, "B", "BKR-B", false),
            Device("FUS-B", SwitchingDeviceType.Fuse, "B", "RCL-B", false),
            Device("TIE-AB", SwitchingDeviceType.Tie, "A", "RCL-A", true, "B", "RCL-B"),
        };
        var transformers = new[] { new TransformerConnection("TX-A", "FUS-A", "A", 29.7, -95.4, 10, 0, 0, 1, 700), new TransformerConnection("TX-B", "FUS-B", "B", 29.7, -95.4, 12, 0, 0, 0, 700) };
        var state = ConnectivityModel.Build(devices, transformers).Derive();

        var steps = SwitchingStudy.Validate(state, [new("RCL-B", SwitchingAction.Open), new("TIE-AB", SwitchingAction.Close)]);

        Assert.Equal(12, steps[0].CustomersDeEnergized);
        Assert.Equal(12, steps[1].CustomersRestored);
        Assert.Equal("A", steps[1].PickingUpCircuitId);
        Assert.Equal(140.0, steps[1].PickingUpLoadPct);
        Assert.Equal(StepOutcome.Warning, steps[1].Outcome);
        Assert.Contains(steps[1].Messages, m => m.Contains("140.0 % of its 1,000 kVA rating", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _network.Dispose();
        _source.Dispose();
    }

    /// <summary>A tie whose far side is a sectionalizer feeding customers, with both sides energised by their own feeders.</summary>
    private static SwitchingDevice EnergisedTie(ConnectivityState state)
    {
        var model = state.Model;
        return Enumerable.Range(0, model.DeviceCount).Select(model.Device).First(d => d.Type == SwitchingDeviceType.Tie
            && d.TieParentDeviceId!.StartsWith("SEC-", StringComparison.Ordinal)
            && state.CustomersFedThrough(model.IndexOfDevice(d.TieParentDeviceId)) > 0
            && state.EnergizingCircuitOfDevice(model.IndexOfDevice(d.ParentDeviceId!)) == d.CircuitId
            && state.EnergizingCircuitOfDevice(model.IndexOfDevice(d.TieParentDeviceId)) == d.TieCircuitId);
    }
}
