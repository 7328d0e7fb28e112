namespace Flux.OpsCenter.Data;

/// <summary>What went wrong with a query, coarse enough for a panel to decide what to say.</summary>
public enum DataErrorKind
{
    /// <summary>The source could not be reached or opened (file missing or locked, warehouse down, auth failed).</summary>
    Unavailable,

    /// <summary>The query did not finish within its timeout.</summary>
    Timeout,

    /// <summary>The source rejected the query text or its arguments.</summary>
    Query,

    /// <summary>Rows came back in a shape the record mapping did not expect.</summary>
    Mapping,
}
