namespace Flux.OpsCenter.Data;

/// <summary>The one exception type the data layer throws; cancellation passes through untouched.</summary>
public sealed class FluxDataException : Exception
{
    public FluxDataException(DataSourceKind source, DataErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Source = source;
        Kind = kind;
    }

    public FluxDataException()
        : this(DataSourceKind.Embedded, DataErrorKind.Query, "Data error.")
    {
    }

    public FluxDataException(string message)
        : this(DataSourceKind.Embedded, DataErrorKind.Query, message)
    {
    }

    public FluxDataException(string message, Exception innerException)
        : this(DataSourceKind.Embedded, DataErrorKind.Query, message, innerException)
    {
    }

    /// <summary>The source that failed.</summary>
    public new DataSourceKind Source { get; }

    /// <summary>The kind of failure.</summary>
    public DataErrorKind Kind { get; }
}
