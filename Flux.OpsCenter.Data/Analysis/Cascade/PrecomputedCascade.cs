namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>The compact form of a cascade kept in PRECOMPUTED_CASCADES: failed nodes in order, node types and propagation paths.</summary>
public sealed record PrecomputedCascade(
    IReadOnlyList<CascadeFailure> CascadeOrder,
    IReadOnlyList<NodeTypeCount> NodeTypes,
    IReadOnlyList<PropagationPath> Paths)
{
    /// <summary>The stable id of a preset run from a patient zero.</summary>
    public static string IdFor(string presetKey, string patientZeroId) => $"{presetKey.ToLowerInvariant()}-{patientZeroId}";

    /// <summary>Keeps failed equipment (de-energised feeders are implied by the failures) and counts every affected node type.</summary>
    public static PrecomputedCascade Summarise(CascadeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var failed = result.Nodes.Where(n => n.Cause != "DE_ENERGIZED").ToList();
        var types = result.Nodes.GroupBy(n => n.NodeType).OrderBy(g => g.Key)
            .Select(g => new NodeTypeCount(g.Key.ToString().ToUpperInvariant(), g.Count())).ToList();
        var paths = failed.Where(n => n.TriggeredBy is not null).Select(n => new PropagationPath(n.TriggeredBy!, n.NodeId, n.Wave, n.Cause)).ToList();
        return new PrecomputedCascade(failed, types, paths);
    }
}
