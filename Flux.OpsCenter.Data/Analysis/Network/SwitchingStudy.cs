using System.Globalization;

namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// Study mode: validates a plan's steps in order against the live topology without touching it. Each step meets the
/// state the steps before it leave; closing a device whose two sides are both energised is refused (the network runs
/// radially), de-energising customers warns, and so does loading the picking-up feeder above 100 % of its rating.
/// </summary>
public static class SwitchingStudy
{
    /// <summary>The most steps one plan holds.</summary>
    public const int MaxSteps = 50;

    /// <summary>A feeder loaded above this share of its rating makes a step warn.</summary>
    public const double RatingLimitPct = 100;

    public static IReadOnlyList<StepValidation> Validate(ConnectivityState state, IReadOnlyList<SwitchingStep> steps)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(steps);
        var model = state.Model;
        var results = new List<StepValidation>(steps.Count);
        var refused = false;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var id = step.DeviceId.Trim().ToUpperInvariant();
            if (refused)
            {
                results.Add(Refusal(i + 1, id, step.Action, StepOutcome.NotEvaluated, "Not checked: an earlier step is refused."));
                continue;
            }

            var device = model.IndexOfDevice(id);
            var open = step.Action == SwitchingAction.Open;
            var problem = device < 0 ? $"No switching device has the id '{id}'."
                : state.IsOpen(device) == open ? $"{id} is already {(open ? "open" : "closed")}."
                : !open && ClosesLoop(state, device) is { } loop ? loop
                : null;
            if (problem is not null)
            {
                refused = true;
                results.Add(Refusal(i + 1, id, step.Action, StepOutcome.Refused, problem));
                continue;
            }

            var next = state.With(device, open);
            results.Add(Check(state, next, i + 1, id, step.Action, device));
            state = next;
        }

        return results;
    }

    private static StepValidation Check(ConnectivityState before, ConnectivityState after, int number, string id, SwitchingAction action, int device)
    {
        var model = after.Model;
        var change = after.EnergizedCustomers - before.EnergizedCustomers;
        var criticalLost = Math.Max(0, CriticalCare(before) - CriticalCare(after));
        var messages = new List<string>();
        if (change < 0)
        {
            messages.Add(string.Create(CultureInfo.InvariantCulture, $"De-energises {-change:N0} customers ({criticalLost:N0} critical care)."));
        }
        else if (change > 0)
        {
            messages.Add(string.Create(CultureInfo.InvariantCulture, $"Restores {change:N0} customers."));
        }

        string? pickingUp = null;
        double? loadPct = null;
        if (action == SwitchingAction.Close && after.FedNode[device] is var fed and >= 0 && after.EnergizingBreaker[fed] is var breaker and >= 0)
        {
            var feeder = model.Devices[breaker];
            pickingUp = feeder.CircuitId;
            if (feeder.CircuitCapacityKva > 0)
            {
                // kW against kVA: a distribution feeder runs near unity power factor, so the rating reads as kW.
                loadPct = Math.Round(after.LoadThroughKw(breaker) / feeder.CircuitCapacityKva * 100, 1);
                if (loadPct > RatingLimitPct)
                {
                    messages.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{feeder.CircuitId} would carry {loadPct:0.0} % of its {feeder.CircuitCapacityKva:N0} kVA rating at its 24-hour peak."));
                }
            }
        }

        var outcome = change < 0 || loadPct > RatingLimitPct ? StepOutcome.Warning : StepOutcome.Ok;
        return new StepValidation(number, id, action, outcome, messages, Math.Max(0, -change), criticalLost, Math.Max(0, change), pickingUp, loadPct);
    }

    /// <summary>Why closing <paramref name="device"/> would parallel two energised sides, or null when it would not.</summary>
    private static string? ClosesLoop(ConnectivityState state, int device)
    {
        var model = state.Model;
        int a = model.EdgeFrom[device], b = model.EdgeTo[device];
        if (!state.Energized[a] || !state.Energized[b])
        {
            return null;
        }

        var id = model.Devices[device].Id;
        var left = FeederOf(state, a);
        var right = FeederOf(state, b);
        return left == right
            ? $"Closing {id} would close a loop within {left}; the network runs radially."
            : $"Closing {id} would parallel {left} and {right} (a loop between two sources); the network runs radially. Open a device on one side first.";
    }

    private static string FeederOf(ConnectivityState state, int node)
    {
        var breaker = state.EnergizingBreaker[node];
        return breaker >= 0 ? state.Model.Devices[breaker].CircuitId : state.Model.SubstationIds[node];
    }

    private static int CriticalCare(ConnectivityState state)
    {
        var total = 0;
        for (var s = 0; s < state.Model.SourceCount; s++)
        {
            total += state.DownCriticalCare[s];
        }

        return total;
    }

    private static StepValidation Refusal(int number, string id, SwitchingAction action, StepOutcome outcome, string message) =>
        new(number, id, action, outcome, [message], 0, 0, 0, null, null);
}
