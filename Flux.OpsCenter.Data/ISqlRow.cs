namespace Flux.OpsCenter.Data;

/// <summary>
/// One row of a result, read by column name. Both sources implement it so that rows map to records
/// through a single path whatever the transport.
/// </summary>
public interface ISqlRow
{
    bool IsNull(string column);

    string GetString(string column);

    string? GetNullableString(string column);

    double GetDouble(string column);

    double? GetNullableDouble(string column);

    long GetInt64(string column);

    bool GetBoolean(string column);

    DateTimeOffset GetTimestamp(string column);

    DateTimeOffset? GetNullableTimestamp(string column);
}
