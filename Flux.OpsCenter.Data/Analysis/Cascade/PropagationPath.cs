namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>One hop of a cascade: the failed node that triggered another, in which wave and why.</summary>
public sealed record PropagationPath(string FromNodeId, string ToNodeId, int Wave, string Cause);
