using System.Text;

namespace Flux.OpsCenter.Web.Export;

/// <summary>
/// Writes RFC 4180 CSV (comma, CRLF, quotes doubled) row by row as the rows arrive, flushing every few hundred rows,
/// so an export never holds more than the source's current chunk.
/// </summary>
public static class CsvWriter
{
    private const int FlushEvery = 500;

    public static async Task WriteAsync<T>(TextWriter writer, IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        await writer.WriteAsync(Line(columns.Select(c => c.Header)).AsMemory(), cancellationToken);
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(columns.Select(c => c.Value(row))).AsMemory(), cancellationToken);
            if (++count % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One CSV record with its CRLF.</summary>
    public static string Line(IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            line.Append(Escape(field));
            first = false;
        }

        return line.Append("\r\n").ToString();
    }

    /// <summary>Quotes a field that holds a comma, quote or line break; also defuses spreadsheet formulas.</summary>
    public static string Escape(string? field)
    {
        var value = field ?? "";
        if (value.Length > 0 && value[0] is '=' or '+' or '@' && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>A finished list as an asynchronous sequence, for tables that are bounded aggregates.</summary>
    public static async IAsyncEnumerable<T> FromListAsync<T>(Task<IReadOnlyList<T>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in await rows)
        {
            yield return row;
        }
    }
}
