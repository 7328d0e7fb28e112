using System.Globalization;
using Flux.OpsCenter.Data.Analysis.Graph;

namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>
/// Turns a cascade into decisions. Restoration: every failed substation is repaired (4 h) before the feeders it stranded are
/// switched back (0.5 h); a failed feeder or lower node is repaired in 1.5 h. Crews = max(1, ⌈failed / 3⌉) work in parallel;
/// among steps whose upstream step is done, the next is the one with most customers per hour of work. Upgrades: a failed
/// substation gets +25 % transformer capacity ($500,000 + $50,000/MW) and a stranded feeder without tie headroom gets a
/// reconductored tie ($150,000); annual avoided loss = lost-load cost of its customers × 5 % annual event probability.
/// </summary>
public static class CascadeImpactAnalyzer
{
    public const double ValueOfLostLoadPerKwh = 15;
    public const double AnnualEventProbability = 0.05;

    public static CascadeImpact Analyse(GridGraph graph, CascadeResult result)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(result);
        var restoration = Restore(graph, result);
        var economic = Economics(graph, result, restoration);
        return new CascadeImpact(economic, Playbook(graph, result), restoration, Investments(graph, result));
    }

    private static RestorationPlan Restore(GridGraph graph, CascadeResult result)
    {
        var failed = result.Nodes.Where(n => n.Cause != "DE_ENERGIZED").ToList();
        var crews = Math.Max(1, (int)Math.Ceiling(failed.Count / 3.0));
        var work = new List<(string Id, string Work, string? DependsOn, double Hours, int Customers)>();
        foreach (var n in failed)
        {
            var customers = n.NodeType == GridNodeType.Substation ? 0 : n.CustomersOut;
            work.Add((n.NodeId, n.NodeType == GridNodeType.Substation ? "Repair substation transformer" : "Repair and re-energise", null,
                n.NodeType == GridNodeType.Substation ? 4.0 : 1.5, customers));
        }

        foreach (var n in result.Nodes.Where(n => n.Cause == "DE_ENERGIZED" && n.CustomersOut > 0))
        {
            work.Add((n.NodeId, "Close feeder breaker", n.TriggeredBy, 0.5, n.CustomersOut));
        }

        var finish = new Dictionary<string, double>(StringComparer.Ordinal);
        var crewFree = new double[crews];
        var steps = new List<RestorationStep>();
        var ids = work.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var dependents = work.Where(w => w.DependsOn is not null && ids.Contains(w.DependsOn)).GroupBy(w => w.DependsOn!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Priority: customers per hour of work, counting for a substation the customers its feeders wait on.
        var ready = new PriorityQueue<(string Id, string Work, string? DependsOn, double Hours, int Customers), (double, string)>(
            Comparer<(double, string)>.Create((a, b) => a.Item1 != b.Item1 ? b.Item1.CompareTo(a.Item1) : string.CompareOrdinal(a.Item2, b.Item2)));
        void Enqueue((string Id, string Work, string? DependsOn, double Hours, int Customers) w) =>
            ready.Enqueue(w, ((w.Customers + (dependents.TryGetValue(w.Id, out var d) ? d.Sum(x => x.Customers) : 0)) / w.Hours, w.Id));
        foreach (var w in work.Where(w => w.DependsOn is null || !ids.Contains(w.DependsOn)))
        {
            Enqueue(w);
        }

        var cumulative = 0;
        while (ready.TryDequeue(out var next, out _))
        {
            var crew = Array.IndexOf(crewFree, crewFree.Min());
            var start = Math.Max(crewFree[crew], next.DependsOn is not null && finish.TryGetValue(next.DependsOn, out var f) ? f : 0);
            var end = start + next.Hours;
            crewFree[crew] = end;
            finish[next.Id] = end;
            cumulative += next.Customers;
            steps.Add(new RestorationStep(steps.Count + 1, next.Id, next.Work, next.DependsOn, crew + 1, start, end, next.Customers, cumulative));
            foreach (var d in dependents.GetValueOrDefault(next.Id) ?? [])
            {
                Enqueue(d);
            }
        }

        var byFinish = steps.OrderBy(s => s.FinishHour).ToList();
        var total = Math.Max(1, steps.Sum(s => s.CustomersRestored));
        var milestones = new List<RestorationMilestone>();
        foreach (var percent in new[] { 25, 50, 75, 90, 100 })
        {
            var running = 0;
            foreach (var s in byFinish)
            {
                running += s.CustomersRestored;
                if (running >= total * percent / 100.0)
                {
                    milestones.Add(new RestorationMilestone(percent, s.FinishHour, running));
                    break;
                }
            }
        }

        return new RestorationPlan(crews, steps, milestones, steps.Count == 0 ? 0 : steps.Max(s => s.FinishHour));
    }

    private static EconomicImpact Economics(GridGraph graph, CascadeResult result, RestorationPlan plan)
    {
        var multiplier = result.Parameters.LoadMultiplier;
        double unservedMwh = 0, customerHours = 0;
        foreach (var step in plan.Steps)
        {
            var index = graph.IndexOf(step.NodeId);
            var share = graph.SubtreeCustomers[index] > 0 ? (double)step.CustomersRestored / graph.SubtreeCustomers[index] : 0;
            unservedMwh += multiplier * graph.LoadKw[index] * share / 1000 * step.FinishHour;
            customerHours += step.CustomersRestored * step.FinishHour;
        }

        var failed = result.Nodes.Where(n => n.Cause != "DE_ENERGIZED").ToList();
        var substations = failed.Count(n => n.NodeType == GridNodeType.Substation);
        var lostLoad = unservedMwh * 1000 * ValueOfLostLoadPerKwh;
        var crew = plan.Steps.Sum(s => s.FinishHour - s.StartHour) * 850;
        var equipment = (substations * 15_000.0) + ((failed.Count - substations) * 2_500.0);
        var c = result.CustomersAffected;
        var tier = c >= 100_000 ? "EMERGENCY" : c >= 50_000 ? "CRITICAL" : c >= 10_000 ? "HIGH" : "MODERATE";
        return new EconomicImpact(Math.Round(unservedMwh, 2), Math.Round(customerHours), Math.Round(lostLoad), Math.Round(crew), equipment,
            Math.Round(lostLoad + crew + equipment), tier);
    }

    private static List<MitigationAction> Playbook(GridGraph graph, CascadeResult result)
    {
        var actions = new List<MitigationAction>();
        var pz = result.PatientZero;
        var culture = CultureInfo.InvariantCulture;
        actions.Add(new(1, "ISOLATE", pz.Id, $"Open the protective device upstream of {pz.Name ?? pz.Id} and lock out", "0–5 min",
            $"Stops the fault at its source; {pz.DownstreamCustomers:N0} customers are downstream"));
        var theta = result.Parameters.FailureThreshold;
        foreach (var n in result.Nodes.Where(n => n.Cause is "OVERLOAD" or "STRESS").OrderBy(n => n.Wave).Take(5))
        {
            var capacity = n.CapacityKw * result.Parameters.CapacityFactor;
            var shed = Math.Max(0, (n.Loading - theta) * capacity) / 1000;
            actions.Add(new(actions.Count + 1, "SHED_LOAD", n.NodeId, string.Create(culture, $"Shed {shed:0.0} MW at {n.Name ?? n.NodeId} (loading {n.Loading:P0} → {theta:P0})"),
                $"before wave {n.Wave}", $"Keeps it below the stress threshold so wave {n.Wave} does not start there"));
        }

        foreach (var choke in result.Nodes.Where(n => n.TriggeredBy is not null && n.Cause != "DE_ENERGIZED").GroupBy(n => n.TriggeredBy!)
                     .Where(g => g.Count() > 1).OrderByDescending(g => g.Count()).Take(3))
        {
            actions.Add(new(actions.Count + 1, "CHOKE_POINT", choke.Key, $"Sectionalise around {choke.Key}: it triggered {choke.Count()} further failures",
                "15 min", "Breaks the propagation tree at its widest branch"));
        }

        foreach (var t in result.Transfers.OrderByDescending(t => t.TransferredKw).Take(3))
        {
            actions.Add(new(actions.Count + 1, "CLOSE_TIE", $"{t.FromFeederId}→{t.ToFeederId}",
                string.Create(culture, $"Close the normally-open tie and pick up {t.TransferredKw / 1000:0.00} of {t.OfferedKw / 1000:0.00} MW"), "5–15 min", "Restores healthy sections from the neighbour"));
        }

        var failed = result.Nodes.Count(n => n.Cause != "DE_ENERGIZED");
        actions.Add(new(actions.Count + 1, "DISPATCH_CREWS", pz.Id, $"Dispatch {Math.Max(1, (int)Math.Ceiling(failed / 3.0))} crews: patient zero first, then choke points",
            "immediate", $"{failed} failed nodes to repair"));
        _ = graph;
        return actions;
    }

    private static List<UpgradeOption> Investments(GridGraph graph, CascadeResult result)
    {
        var options = new List<UpgradeOption>();
        foreach (var n in result.Nodes.Where(n => n.NodeType == GridNodeType.Substation && n.Cause != "INITIAL"))
        {
            var mw = n.CapacityKw / 1000;
            var cost = 500_000 + (0.25 * mw * 50_000);
            options.Add(Option(n.NodeId, "+25 % substation transformer capacity", cost, n.CustomersOut, graph, n.NodeId, result));
        }

        foreach (var n in result.Nodes.Where(n => n.NodeType == GridNodeType.Feeder && n.CustomersOut > 0).OrderByDescending(n => n.CustomersOut).Take(10))
        {
            options.Add(Option(n.NodeId, "Reconductor tie / add automated tie switch", 150_000, n.CustomersOut, graph, n.NodeId, result));
        }

        return [.. options.OrderByDescending(o => o.RoiPercent).Take(15)];
    }

    private static UpgradeOption Option(string id, string upgrade, double cost, int customers, GridGraph graph, string nodeId, CascadeResult result)
    {
        var index = graph.IndexOf(nodeId);
        var share = graph.SubtreeCustomers[index] > 0 ? (double)customers / graph.SubtreeCustomers[index] : 0;
        var hours = 2.5 * Math.Max(1, result.MaxDepth);
        var eventLoss = result.Parameters.LoadMultiplier * graph.LoadKw[index] * share * hours * ValueOfLostLoadPerKwh;
        var annual = eventLoss * AnnualEventProbability;
        var roi = ((annual * 5) - cost) / cost * 100;
        return new UpgradeOption(id, upgrade, Math.Round(cost), Math.Round(annual), Math.Round(roi, 1), annual > 0 ? Math.Round(cost / annual, 1) : null);
    }
}
