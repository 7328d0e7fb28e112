using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Analysis.Graph;

/// <summary>Reads ML_DEMO.GRID_NODES and GRID_EDGES through the query files and builds the in-memory graph.</summary>
public static class GridGraphLoader
{
    private static readonly TimeSpan BulkTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Loads the graph from any source (embedded or Snowflake).</summary>
    public static async Task<GridGraph> LoadAsync(ISqlSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var nodes = await source.QueryAsync(Request("GetGridNodes"), MapNode, cancellationToken).ConfigureAwait(false);
        var edges = await source.QueryAsync(Request("GetGridEdges"), MapEdge, cancellationToken).ConfigureAwait(false);
        return GridGraph.Build(nodes, edges);
    }

    /// <summary>Loads the graph over an open DuckDB connection, as the generator does before writing the analysis tables.</summary>
    internal static GridGraph Load(DuckDBConnection connection) =>
        GridGraph.Build(Read(connection, "GetGridNodes", MapNode), Read(connection, "GetGridEdges", MapEdge));

    /// <summary>The single mapping from a GRID_NODES row.</summary>
    public static GridNodeRow MapNode(ISqlRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.GetString("NODE_ID"), ParseNodeType(r.GetString("NODE_TYPE")), r.GetNullableString("NODE_NAME"), r.GetNullableString("PARENT_NODE_ID"),
            r.GetNullableString("SUBSTATION_ID"), r.GetNullableString("CIRCUIT_ID"), r.GetDouble("LATITUDE"), r.GetDouble("LONGITUDE"),
            r.GetDouble("VOLTAGE_KV"), r.GetDouble("CAPACITY_KW"), r.GetDouble("LOAD_FACTOR"), r.GetDouble("AGE_YEARS"),
            r.GetDouble("HEALTH_SCORE"), r.GetDouble("CRITICALITY_SCORE"), (int)r.GetInt64("DOWNSTREAM_CUSTOMERS"));
    }

    /// <summary>The single mapping from a GRID_EDGES row.</summary>
    public static GridEdgeRow MapEdge(ISqlRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.GetString("FROM_NODE_ID"), r.GetString("TO_NODE_ID"), ParseEdgeType(r.GetString("EDGE_TYPE")), r.GetDouble("DISTANCE_KM"),
            r.GetBoolean("IS_NORMALLY_OPEN"));
    }

    private static GridNodeType ParseNodeType(string text) => text switch
    {
        "SUBSTATION" => GridNodeType.Substation,
        "FEEDER" => GridNodeType.Feeder,
        "TRANSFORMER" => GridNodeType.Transformer,
        "POLE" => GridNodeType.Pole,
        "METER" => GridNodeType.Meter,
        _ => throw new FormatException($"Unknown NODE_TYPE '{text}'."),
    };

    private static GridEdgeType ParseEdgeType(string text) => text switch
    {
        "TRANSMISSION" => GridEdgeType.Transmission,
        "FEEDER" => GridEdgeType.Feeder,
        "DISTRIBUTION" => GridEdgeType.Distribution,
        "SERVICE" => GridEdgeType.Service,
        "TIE" => GridEdgeType.Tie,
        _ => throw new FormatException($"Unknown EDGE_TYPE '{text}'."),
    };

    private static SqlRequest Request(string name) => new(name, QueryCatalog.Query(name), [], BulkTimeout);

    private static List<T> Read<T>(DuckDBConnection connection, string name, Func<ISqlRow, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = QueryCatalog.Query(name);
        using var reader = command.ExecuteReader();
        var row = new DbDataRow(reader, DataSourceKind.Embedded);
        var results = new List<T>();
        while (reader.Read())
        {
            results.Add(map(row));
        }

        return results;
    }
}
