using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Export;

namespace Flux.OpsCenter.Tests.Web.Export;

public sealed class CsvWriterTests
{
    private sealed record Row(string Name, string Note, double Value);

    private static readonly IReadOnlyList<CsvColumn<Row>> Columns =
    [
        new("Name", r => r.Name),
        new("Note, free text", r => r.Note),
        new("Value", r => ExportTables.Number(r.Value, 2), true),
    ];

    [Fact]
    public async Task Rows_with_commas_quotes_and_line_breaks_round_trip()
    {
        Row[] rows =
        [
            new("FDR-001-01", "plain", 1.5),
            new("FDR \"east\"", "a, b and c", -2.25),
            new("line\r\nbreak", "multi\nline", 0),
            new("", "", 123456.789),
        ];
        using var writer = new StringWriter();

        await CsvWriter.WriteAsync(writer, Async(rows), Columns, TestContext.Current.CancellationToken);
        var records = CsvReader.Parse(writer.ToString());

        Assert.Equal(["Name", "Note, free text", "Value"], records[0]);
        Assert.Equal(rows.Length, records.Count - 1);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal([rows[i].Name, rows[i].Note, ExportTables.Number(rows[i].Value, 2)], records[i + 1]);
        }
    }

    [Fact]
    public void Spreadsheet_formulas_are_defused_but_negative_numbers_are_not()
    {
        Assert.Equal("'=HYPERLINK(\"x\")", CsvReader.Parse(CsvWriter.Line(["=HYPERLINK(\"x\")"]))[0][0]);
        Assert.Equal("-2.50", CsvWriter.Escape("-2.50"));
        Assert.Equal("+1", CsvWriter.Escape("+1"));
    }

    [Fact]
    public async Task Rows_are_written_as_they_arrive()
    {
        var gate = new TaskCompletionSource();
        using var writer = new StringWriter();

        var writing = CsvWriter.WriteAsync(writer, Gated(gate.Task), Columns, TestContext.Current.CancellationToken);

        // The first row is out before the source has produced the second.
        Assert.Contains("first", writer.ToString(), StringComparison.Ordinal);
        Assert.False(writing.IsCompleted);
        gate.SetResult();
        await writing;
        Assert.Contains("second", writer.ToString(), StringComparison.Ordinal);
    }

    private static async IAsyncEnumerable<Row> Async(IEnumerable<Row> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static async IAsyncEnumerable<Row> Gated(Task gate)
    {
        yield return new Row("first", "", 1);
        await gate;
        yield return new Row("second", "", 2);
    }
}
