using System.Globalization;

namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>
/// FLISR in manual mode: proposes the switching that isolates a faulted section and restores everyone else. The
/// faulted section is the one its device heads together with the fuse laterals hanging off it (fuses are not switched).
/// Steps: open the closed switching devices leaving that section (isolation); reclose the tripped device when the fault
/// lies below it (upstream restoration); for each isolated part downstream, close the normally-open tie that reaches an
/// energised feeder with the most headroom, when that feeder stays within its rating (downstream restoration).
/// </summary>
public static class FlisrPlanner
{
    public static FlisrProposal? Propose(ConnectivityState state, string trippedDeviceId, string? faultedDeviceId)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(trippedDeviceId);
        var model = state.Model;
        var tripped = model.IndexOfDevice(trippedDeviceId.Trim().ToUpperInvariant());
        var faulted = faultedDeviceId is null ? tripped : model.IndexOfDevice(faultedDeviceId.Trim().ToUpperInvariant());
        if (tripped < 0 || faulted < 0 || model.SectionOf[faulted] < 0)
        {
            return null;
        }

        var zone = FaultedZone(model, model.SectionOf[faulted]);
        var steps = new List<SwitchingStep>();
        var open = (bool[])state.Open.Clone();
        void Add(int device, bool opening)
        {
            steps.Add(new SwitchingStep(model.Devices[device].Id, opening ? SwitchingAction.Open : SwitchingAction.Close));
            open[device] = opening;
        }

        if (faulted != tripped && !open[faulted])
        {
            Add(faulted, true);
        }

        var boundary = new List<int>();
        for (var d = 0; d < model.DeviceCount; d++)
        {
            var type = model.Devices[d].Type;
            var leaves = zone.Contains(model.EdgeFrom[d]) && !zone.Contains(model.EdgeTo[d]);
            var touchesTie = type == SwitchingDeviceType.Tie && (zone.Contains(model.EdgeFrom[d]) || zone.Contains(model.EdgeTo[d]));
            if ((leaves && type is not SwitchingDeviceType.Fuse and not SwitchingDeviceType.Tie) || touchesTie)
            {
                if (!open[d])
                {
                    Add(d, true);
                }

                if (type != SwitchingDeviceType.Tie)
                {
                    boundary.Add(d);
                }
            }
        }

        if (faulted != tripped && open[tripped])
        {
            Add(tripped, false);
        }

        var notes = new List<string>();
        var planned = model.Derive(open);
        foreach (var device in boundary)
        {
            var part = DeadPart(planned, model.EdgeTo[device]);
            if (part.Count == 0 || Customers(planned.Model, part) == 0)
            {
                continue;
            }

            var tie = BestTie(planned, part, out var why);
            if (tie < 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"Below {model.Devices[device].Id}: {why}"));
                continue;
            }

            Add(tie, false);
            planned = model.Derive(open);
        }

        var validation = SwitchingStudy.Validate(state, steps);
        var inZone = 0;
        foreach (var node in zone)
        {
            inZone += model.OwnResidential[node] + model.OwnCommercial[node] + model.OwnIndustrial[node];
        }

        return new FlisrProposal(model.Devices[tripped].Id, model.Devices[faulted].Id, validation, validation.Sum(v => v.CustomersRestored), inZone, notes);
    }

    /// <summary>The faulted section and the fuse laterals hanging off it.</summary>
    private static HashSet<int> FaultedZone(ConnectivityModel model, int section)
    {
        var zone = new HashSet<int> { section };
        for (var d = 0; d < model.DeviceCount; d++)
        {
            if (model.Devices[d].Type == SwitchingDeviceType.Fuse && model.EdgeFrom[d] == section)
            {
                zone.Add(model.EdgeTo[d]);
            }
        }

        return zone;
    }

    /// <summary>The de-energised sections reachable from <paramref name="start"/> over closed devices.</summary>
    private static HashSet<int> DeadPart(ConnectivityState state, int start)
    {
        var part = new HashSet<int>();
        if (state.Energized[start])
        {
            return part;
        }

        var model = state.Model;
        var queue = new Queue<int>([start]);
        part.Add(start);
        while (queue.TryDequeue(out var v))
        {
            for (var k = model.AdjacencyOffsets[v]; k < model.AdjacencyOffsets[v + 1]; k++)
            {
                var w = model.AdjacencyNodes[k];
                if (!state.Open[model.AdjacencyDevices[k]] && !state.Energized[w] && part.Add(w))
                {
                    queue.Enqueue(w);
                }
            }
        }

        return part;
    }

    private static int Customers(ConnectivityModel model, HashSet<int> nodes) =>
        nodes.Sum(n => model.OwnResidential[n] + model.OwnCommercial[n] + model.OwnIndustrial[n]);

    /// <summary>The open tie from <paramref name="part"/> to an energised feeder that keeps the most headroom once it picks the part up; −1 when none stays within its rating.</summary>
    private static int BestTie(ConnectivityState state, HashSet<int> part, out string why)
    {
        var model = state.Model;
        var partLoad = part.Sum(n => model.OwnLoadKw[n]);
        var best = -1;
        var bestPct = double.MaxValue;
        var candidates = 0;
        for (var d = 0; d < model.DeviceCount; d++)
        {
            if (model.Devices[d].Type != SwitchingDeviceType.Tie || !state.Open[d])
            {
                continue;
            }

            int inside = model.EdgeFrom[d], outside = model.EdgeTo[d];
            if (!part.Contains(inside))
            {
                (inside, outside) = (outside, inside);
            }

            if (!part.Contains(inside) || !state.Energized[outside] || state.EnergizingBreaker[outside] is not (var breaker and >= 0))
            {
                continue;
            }

            candidates++;
            var rating = model.Devices[breaker].CircuitCapacityKva;
            var pct = rating > 0 ? (state.LoadThroughKw(breaker) + partLoad) / rating * 100 : double.MaxValue;
            if (pct <= SwitchingStudy.RatingLimitPct && pct < bestPct)
            {
                (best, bestPct) = (d, pct);
            }
        }

        why = candidates == 0 ? "no normally-open tie reaches an energised feeder." : "no tie feeder has the headroom to pick it up within its rating.";
        return best;
    }
}
