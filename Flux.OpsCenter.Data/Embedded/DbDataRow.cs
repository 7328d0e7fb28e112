using System.Data.Common;
using System.Globalization;
using System.Numerics;

namespace Flux.OpsCenter.Data.Embedded;

/// <summary>Reads the current row of an ADO.NET reader by column name, converting DuckDB's wider types.</summary>
internal sealed class DbDataRow(DbDataReader reader, DataSourceKind source) : ISqlRow
{
    private readonly Dictionary<string, int> _ordinals = BuildOrdinals(reader);

    public bool IsNull(string column) => reader.IsDBNull(Ordinal(column));

    public string GetString(string column) =>
        GetNullableString(column) ?? throw Null(column);

    public string? GetNullableString(string column)
    {
        var ordinal = Ordinal(column);
        return reader.IsDBNull(ordinal) ? null : Convert.ToString(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
    }

    public double GetDouble(string column) => GetNullableDouble(column) ?? throw Null(column);

    public double? GetNullableDouble(string column)
    {
        var ordinal = Ordinal(column);
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return reader.GetValue(ordinal) switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            BigInteger b => (double)b,
            IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
            var other => throw Mismatch(column, other, "a number"),
        };
    }

    public long GetInt64(string column)
    {
        var ordinal = Ordinal(column);
        if (reader.IsDBNull(ordinal))
        {
            throw Null(column);
        }

        return reader.GetValue(ordinal) switch
        {
            long l => l,
            int i => i,
            BigInteger b => (long)b,
            decimal m => (long)m,
            double d => (long)Math.Round(d),
            IConvertible c => c.ToInt64(CultureInfo.InvariantCulture),
            var other => throw Mismatch(column, other, "an integer"),
        };
    }

    public bool GetBoolean(string column)
    {
        var ordinal = Ordinal(column);
        return reader.IsDBNull(ordinal) ? throw Null(column) : reader.GetBoolean(ordinal);
    }

    public DateTimeOffset GetTimestamp(string column) => GetNullableTimestamp(column) ?? throw Null(column);

    public DateTimeOffset? GetNullableTimestamp(string column)
    {
        var ordinal = Ordinal(column);
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        // Every stored timestamp is UTC without a zone (TIMESTAMP / TIMESTAMP_NTZ).
        return reader.GetValue(ordinal) switch
        {
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            DateTimeOffset dto => dto.ToUniversalTime(),
            var other => throw Mismatch(column, other, "a timestamp"),
        };
    }

    private int Ordinal(string column) =>
        _ordinals.TryGetValue(column, out var ordinal)
            ? ordinal
            : throw new FluxDataException(source, DataErrorKind.Mapping, $"Column '{column}' is not in the result.");

    private FluxDataException Null(string column) =>
        new(source, DataErrorKind.Mapping, $"Column '{column}' is null where a value is required.");

    private FluxDataException Mismatch(string column, object value, string expected) =>
        new(source, DataErrorKind.Mapping, $"Column '{column}' holds {value.GetType().Name}, expected {expected}.");

    private static Dictionary<string, int> BuildOrdinals(DbDataReader reader)
    {
        var ordinals = new Dictionary<string, int>(reader.FieldCount, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            ordinals.TryAdd(reader.GetName(i), i);
        }

        return ordinals;
    }
}
