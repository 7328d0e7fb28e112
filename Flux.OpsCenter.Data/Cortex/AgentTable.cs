namespace Flux.OpsCenter.Data.Cortex;

/// <summary>
/// Rows the agent returned in the SQL API's ResultSet shape (every cell a string or null), cut to
/// <see cref="MaxRows"/> for the drawer; <see cref="TotalRows"/> says how many there were.
/// </summary>
public sealed record AgentTable(string? Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, long TotalRows, string? QueryId)
{
    /// <summary>The most rows a table in the drawer shows.</summary>
    public const int MaxRows = 200;
}
