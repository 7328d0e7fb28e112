using DuckDB.NET.Data;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Independent SQL against the tables, to re-derive what views and pages show.</summary>
internal static class ViewQueries
{
    public static object? Scalar(string databasePath, string sql)
    {
        using var connection = new DuckDBConnection($"DataSource={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static IReadOnlyList<string> Column(string databasePath, string sql)
    {
        using var connection = new DuckDBConnection($"DataSource={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public static long Long(string databasePath, string sql) => Scalar(databasePath, sql) switch
    {
        System.Numerics.BigInteger big => (long)big,
        var value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static double Double(string databasePath, string sql) => Scalar(databasePath, sql) switch
    {
        System.Numerics.BigInteger big => (double)big,
        var value => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
