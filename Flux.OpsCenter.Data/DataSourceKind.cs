namespace Flux.OpsCenter.Data;

/// <summary>Where a query ran: the embedded DuckDB file or Snowflake's SQL API.</summary>
public enum DataSourceKind
{
    Embedded,
    Snowflake,
}
