namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>Maps a data grid's sort column (its property name) onto a list's whitelist of sort columns.</summary>
public static class ListSort
{
    /// <summary>The whitelisted column named <paramref name="propertyName"/>, or <paramref name="fallback"/> for anything else.</summary>
    public static TSort Parse<TSort>(string? propertyName, TSort fallback)
        where TSort : struct, Enum =>
        Enum.TryParse<TSort>(propertyName, ignoreCase: false, out var column) && Enum.IsDefined(column) ? column : fallback;
}
