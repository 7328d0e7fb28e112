using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flux.OpsCenter.Data.Snowflake;

// Wire shapes of Snowflake SQL API v2 (snowflake-rest-api-specs sqlapi.yaml), internal to the client.

/// <summary>Body of <c>POST /api/v2/statements</c>.</summary>
internal sealed record SqlApiStatement(
    string Statement,
    int Timeout,
    string? Database,
    string? Schema,
    string? Warehouse,
    string? Role,
    IReadOnlyDictionary<string, SqlApiBinding>? Bindings,
    IReadOnlyDictionary<string, string> Parameters);

/// <summary>One positional binding; the value is always a string (or null).</summary>
internal sealed record SqlApiBinding(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Value);

/// <summary>ResultSet (200), QueryStatus (202) and QueryFailureStatus (4xx) share these fields.</summary>
internal sealed record SqlApiResponse(
    string? Code,
    string? SqlState,
    string? Message,
    string? StatementHandle,
    string? StatementStatusUrl,
    SqlApiResultMetadata? ResultSetMetaData,
    List<List<string?>>? Data,
    SqlApiStats? Stats,
    List<string>? StatementHandles = null);

internal sealed record SqlApiResultMetadata(long NumRows, string? Format, List<SqlApiColumn>? RowType, List<SqlApiPartition>? PartitionInfo);

internal sealed record SqlApiColumn(string Name, string Type, int? Scale, int? Precision, bool Nullable);

internal sealed record SqlApiPartition(long RowCount);

internal sealed record SqlApiStats(long NumRowsInserted, long NumRowsUpdated, long NumRowsDeleted);

/// <summary>Serializer settings for the SQL API: camelCase names, nulls left out except binding values.</summary>
internal static class SqlApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
