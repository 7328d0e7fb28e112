namespace Flux.OpsCenter.Data.Grid;

/// <summary>Filters of the outage history: start in [<see cref="From"/>, <see cref="To"/>), optional place and cause, and kind.</summary>
public sealed record OutageHistoryFilter(
    DateTimeOffset From,
    DateTimeOffset To,
    string? SubstationId = null,
    string? CircuitId = null,
    string? Cause = null,
    OutageKind Kind = OutageKind.All)
{
    /// <summary>The positional arguments every history query file starts with.</summary>
    internal object?[] Arguments() =>
    [
        From, To, Blank(SubstationId), Blank(CircuitId), Blank(Cause), Kind.ToString().ToUpperInvariant(),
    ];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
