namespace Flux.OpsCenter.Data.Grid;

/// <summary>
/// What a paged list asks for: a free-text filter, an optional status, a sort column from the list's whitelist
/// (<typeparamref name="TSort"/>), a direction and the window.
/// </summary>
public sealed record ListPageRequest<TSort>(string? Filter, string? Status, TSort SortBy, bool Descending, int Offset, int Limit)
    where TSort : struct, Enum;
