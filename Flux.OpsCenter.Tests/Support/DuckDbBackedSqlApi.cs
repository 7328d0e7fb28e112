using System.Globalization;
using System.Numerics;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// Makes <see cref="FakeSqlApi"/> answer like Snowflake would over the same data: it runs the submitted statement with its
/// bindings on a DuckDB file and encodes every cell the way the SQL API does (strings by Snowflake type).
/// </summary>
internal static class DuckDbBackedSqlApi
{
    public static FakeSqlApiResponse Answer(string databasePath, FakeSqlApiCall call)
    {
        var body = call.Json;
        using var connection = new DuckDBConnection($"DataSource={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = body.GetProperty("statement").GetString();
        if (body.TryGetProperty("bindings", out var bindings))
        {
            foreach (var binding in bindings.EnumerateObject().OrderBy(b => int.Parse(b.Name, CultureInfo.InvariantCulture)))
            {
                command.Parameters.Add(new DuckDBParameter(Decode(binding.Value) ?? DBNull.Value));
            }
        }

        using var reader = command.ExecuteReader();
        var columns = new List<(string Name, string Type)>();
        var rows = new List<string?[]>();
        var types = new string?[reader.FieldCount];
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.IsDBNull(i))
                {
                    continue;
                }

                (types[i], row[i]) = Encode(reader.GetValue(i));
            }

            rows.Add(row);
        }

        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns.Add((reader.GetName(i), types[i] ?? "TEXT"));
        }

        return FakeSqlApi.ResultSet(columns, rows);
    }

    private static object? Decode(JsonElement binding)
    {
        var value = binding.GetProperty("value").GetString();
        return value is null ? null : binding.GetProperty("type").GetString() switch
        {
            "FIXED" => long.Parse(value, CultureInfo.InvariantCulture),
            "REAL" => double.Parse(value, CultureInfo.InvariantCulture),
            "BOOLEAN" => bool.Parse(value),
            "TIMESTAMP_NTZ" => DateTime.UnixEpoch.AddTicks(long.Parse(value, CultureInfo.InvariantCulture) / 100),
            _ => value,
        };
    }

    private static (string Type, string Value) Encode(object value) => value switch
    {
        string s => ("TEXT", s),
        bool b => ("BOOLEAN", b ? "true" : "false"),
        double d => ("REAL", d.ToString("R", CultureInfo.InvariantCulture)),
        float f => ("REAL", f.ToString("R", CultureInfo.InvariantCulture)),
        decimal m => ("FIXED", m.ToString(CultureInfo.InvariantCulture)),
        BigInteger big => ("FIXED", big.ToString(CultureInfo.InvariantCulture)),
        DateTime dt => ("TIMESTAMP_NTZ", ((dt.Ticks - DateTime.UnixEpoch.Ticks) / (decimal)TimeSpan.TicksPerSecond).ToString("0.000000000", CultureInfo.InvariantCulture)),
        DateOnly date => ("DATE", (date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber).ToString(CultureInfo.InvariantCulture)),
        IConvertible c when value.GetType().IsPrimitive => ("FIXED", c.ToString(CultureInfo.InvariantCulture)),
        _ => ("TEXT", Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };
}
