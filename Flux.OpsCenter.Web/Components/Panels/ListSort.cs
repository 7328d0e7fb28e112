using Flux.OpsCenter.Data.Grid;
using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>Maps a data grid's sort column (its property name) onto a list's whitelist of sort columns.</summary>
public static class ListSort
{
    /// <summary>The whitelisted column named <paramref name="propertyName"/>, or <paramref name="fallback"/> for anything else.</summary>
    public static TSort Parse<TSort>(string? propertyName, TSort fallback)
        where TSort : struct, Enum =>
        Enum.TryParse<TSort>(propertyName, ignoreCase: false, out var column) && Enum.IsDefined(column) ? column : fallback;

    /// <summary>The list request for the grid's page and sort with the list's filter and status.</summary>
    public static ListPageRequest<TSort> Request<T, TSort>(GridState<T> state, string? filter, string? status, TSort fallback)
        where TSort : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(state);
        var sort = state.SortDefinitions.FirstOrDefault();
        return new ListPageRequest<TSort>(filter, status, Parse(sort?.SortBy, fallback), sort?.Descending ?? false, state.Page * state.PageSize, state.PageSize);
    }
}
