namespace Flux.OpsCenter.Data.Grid;

/// <summary>One page of the filtered outage history and the number of events the filters match.</summary>
public sealed record OutageHistoryPage(IReadOnlyList<Outage> Rows, long TotalRows);
