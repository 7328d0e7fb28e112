namespace Flux.OpsCenter.Data.Analysis;

/// <summary>
/// Makes sure the grid graph (ML_DEMO.GRID_NODES, GRID_EDGES) and its exact centrality exist before the cascade feature reads
/// them. The embedded file derives them from its own tables at first start; against Snowflake they are loaded with the data.
/// </summary>
public interface IGridGraphPreparer
{
    /// <summary>Writes the graph and centrality if they are missing; reports each stage it runs.</summary>
    Task PrepareAsync(DateTime computedAt, Action<string> reportStage, CancellationToken cancellationToken);
}
