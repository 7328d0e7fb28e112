namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>Progress of the background precompute: stage, scenarios done of total, and the error if it failed.</summary>
public sealed record CascadeAnalysisStatus(string Stage, int Done, int Total, bool IsComplete, string? Error)
{
    public static CascadeAnalysisStatus NotStarted { get; } = new("Waiting for the database", 0, 0, false, null);
}
