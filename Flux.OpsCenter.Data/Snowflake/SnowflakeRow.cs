using System.Globalization;
using System.Text.Json;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// One row of a SQL API result, where every cell is a string or null, decoded by the column's Snowflake type so that
/// the shared row mappers produce the same records as from DuckDB.
/// </summary>
internal sealed class SnowflakeRow : ISqlRow
{
    private readonly Dictionary<string, (int Index, string Type)> _columns;
    private IReadOnlyList<string?> _cells = [];

    public SnowflakeRow(IReadOnlyList<SqlApiColumn> columns)
    {
        _columns = new Dictionary<string, (int, string)>(columns.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Count; i++)
        {
            _columns.TryAdd(columns[i].Name, (i, columns[i].Type.ToUpperInvariant()));
        }
    }

    /// <summary>The cells of the row being read.</summary>
    public IReadOnlyList<string?> Cells
    {
        get => _cells;
        set => _cells = value;
    }

    public bool IsNull(string column) => Cell(column).Value is null;

    public string GetString(string column) => GetNullableString(column) ?? throw Null(column);

    public string? GetNullableString(string column)
    {
        var (value, type) = Cell(column);
        if (value is null)
        {
            return null;
        }

        return Decode(column, () => type switch
        {
            "BOOLEAN" => ParseBoolean(value) ? bool.TrueString : bool.FalseString,
            "DATE" => ParseDate(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "TIME" => ParseTime(value).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
            "TIMESTAMP_NTZ" or "TIMESTAMP_LTZ" or "TIMESTAMP_TZ" => ParseTimestamp(value, type).ToString("O", CultureInfo.InvariantCulture),
            "VARIANT" or "OBJECT" or "ARRAY" => UnquoteJson(value),
            _ => value,
        });
    }

    public double GetDouble(string column) => GetNullableDouble(column) ?? throw Null(column);

    public double? GetNullableDouble(string column)
    {
        var (value, type) = Cell(column);
        return value is null ? null : Decode(column, () => type switch
        {
            "BOOLEAN" => ParseBoolean(value) ? 1.0 : 0.0,
            "VARIANT" => JsonSerializer.Deserialize<double>(value),
            _ => ParseDouble(value),
        });
    }

    public long GetInt64(string column)
    {
        var (value, type) = Cell(column);
        if (value is null)
        {
            throw Null(column);
        }

        return Decode(column, () => type switch
        {
            "BOOLEAN" => ParseBoolean(value) ? 1L : 0L,
            "REAL" or "FLOAT" or "DOUBLE" => (long)Math.Round(ParseDouble(value)),
            "VARIANT" => (long)Math.Round(JsonSerializer.Deserialize<decimal>(value)),
            // A scaled FIXED truncates, as the embedded row does with a DuckDB DECIMAL.
            _ when value.Contains('.', StringComparison.Ordinal) || value.Contains('e', StringComparison.OrdinalIgnoreCase) =>
                (long)decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
        });
    }

    public bool GetBoolean(string column)
    {
        var (value, type) = Cell(column);
        if (value is null)
        {
            throw Null(column);
        }

        return Decode(column, () => type switch
        {
            "FIXED" => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) != 0,
            "VARIANT" => JsonSerializer.Deserialize<bool>(value),
            _ => ParseBoolean(value),
        });
    }

    public DateTimeOffset GetTimestamp(string column) => GetNullableTimestamp(column) ?? throw Null(column);

    public DateTimeOffset? GetNullableTimestamp(string column)
    {
        var (value, type) = Cell(column);
        if (value is null)
        {
            return null;
        }

        return Decode(column, () => type switch
        {
            "TIMESTAMP_NTZ" or "TIMESTAMP_LTZ" or "TIMESTAMP_TZ" => ParseTimestamp(value, type),
            "DATE" => new DateTimeOffset(ParseDate(value).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            _ => throw new FormatException($"a {type} column is not a timestamp"),
        });
    }

    /// <summary>
    /// TIMESTAMP_NTZ/LTZ: seconds since the epoch with up to 9 decimals. TIMESTAMP_TZ appends " offset+1440" (minutes);
    /// its seconds are already the UTC instant and records carry UTC, so the offset is dropped.
    /// </summary>
    internal static DateTimeOffset ParseTimestamp(string value, string type)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var seconds = type == "TIMESTAMP_TZ" && space > 0 ? value[..space] : value;
        var ticks = (long)Math.Round(decimal.Parse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond);
        return new DateTimeOffset(DateTime.UnixEpoch.Ticks + ticks, TimeSpan.Zero);
    }

    private static DateOnly ParseDate(string value) =>
        DateOnly.FromDateTime(DateTime.UnixEpoch.AddDays(long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)));

    // Truncated, not rounded, to 100 ns ticks: TIME(9) reaches 23:59:59.999999999, which rounds up to 24:00, a value
    // TimeOnly cannot hold. Dropping the sub-tick nanoseconds keeps every valid TIME inside the day.
    private static TimeOnly ParseTime(string value) =>
        new((long)decimal.Truncate(decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));

    private static bool ParseBoolean(string value) => value.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" => true,
        "FALSE" or "0" => false,
        _ => throw new FormatException($"'{value}' is not a boolean"),
    };

    private static double ParseDouble(string value) => value.Trim().ToUpperInvariant() switch
    {
        "INF" or "INFINITY" => double.PositiveInfinity,
        "-INF" or "-INFINITY" => double.NegativeInfinity,
        "NAN" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // A VARIANT holding a string arrives as JSON text with quotes; anything else stays JSON text.
    private static string UnquoteJson(string value) =>
        value.Length >= 2 && value[0] == '"' ? JsonSerializer.Deserialize<string>(value) ?? value : value;

    private (string? Value, string Type) Cell(string column)
    {
        if (!_columns.TryGetValue(column, out var info))
        {
            throw new FluxDataException(DataSourceKind.Snowflake, DataErrorKind.Mapping, $"Column '{column}' is not in the result.");
        }

        var value = info.Index < _cells.Count ? _cells[info.Index] : null;

        // A VARIANT JSON null is the text "null"; treat it as SQL NULL like DuckDB's JSON would be.
        return (info.Type is "VARIANT" && value == "null" ? null : value, info.Type);
    }

    private static T Decode<T>(string column, Func<T> decode)
    {
        try
        {
            return decode();
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or JsonException or ArgumentOutOfRangeException)
        {
            throw new FluxDataException(DataSourceKind.Snowflake, DataErrorKind.Mapping, $"Column '{column}' cannot be decoded: {ex.Message}", ex);
        }
    }

    private static FluxDataException Null(string column) =>
        new(DataSourceKind.Snowflake, DataErrorKind.Mapping, $"Column '{column}' is null where a value is required.");
}
