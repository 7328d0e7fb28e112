namespace Flux.OpsCenter.Data.Grid;

/// <summary>One page of a server-side paged list and how many rows match in all.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Rows, long TotalRows);
