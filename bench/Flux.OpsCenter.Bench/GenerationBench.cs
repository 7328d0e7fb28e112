using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Times the generation stage by stage: what is written before the file is served, the telemetry history filled after
/// it, the background grid graph; then, in the same run and on the same disk, the engine's floor (a plain CREATE TABLE AS
/// over range() with the hourly table's row count and column types), and reports generation against that floor.
/// </summary>
internal static class GenerationBench
{
    public static int Run(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var path = Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{preset}.duckdb"));
        Console.WriteLine($"generate {preset} into {path}; load average at start {LoadAverage()}");

        var served = new StageClock();
        var clock = Stopwatch.StartNew();
        var info = EmbeddedDatabase.EnsureCreated(path, new EmbeddedOptions { Preset = preset, Rebuild = true }, served);
        var servedSeconds = clock.Elapsed.TotalSeconds;
        var servedSize = new FileInfo(path).Length;

        var filled = new StageClock();
        clock.Restart();
        using (var source = new DuckDbSource(path))
        using (var connection = source.OpenConnection())
        {
            TelemetryHistoryFiller.FillPending(connection, filled, CancellationToken.None);
        }

        var fillSeconds = clock.Elapsed.TotalSeconds;
        var peakMemory = Process.GetCurrentProcess().PeakWorkingSet64;

        // What the app then does in the background at first start, timed apart because nobody waits for it.
        clock.Restart();
        using (var source = new DuckDbSource(path))
        {
            new EmbeddedGridGraphPreparer(() => source).Prepare(info.DataAsOf.UtcDateTime, stage => Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0.0}s {stage}"));
        }

        var graphSeconds = clock.Elapsed.TotalSeconds;
        var (rows, transformers) = HourlyRowCount(path);
        var floorSeconds = Floor(path + ".floor.duckdb", rows, transformers);

        Console.WriteLine();
        Console.WriteLine($"| stage before the file is served ({preset}) | s |");
        Console.WriteLine("|---|---:|");
        served.Print();
        Console.WriteLine($"| **served (ready)** | **{servedSeconds:0.0}** |");
        Console.WriteLine();
        Console.WriteLine($"| after: telemetry history, {TerritoryGenerator.TelemetryDays - TerritoryGenerator.ServedTelemetryDays} days | {fillSeconds:0.0} s |");
        Console.WriteLine($"| after: grid graph + exact centrality | {graphSeconds:0.0} s |");
        Console.WriteLine($"| file served / complete | {servedSize / 1048576.0:0} / {new FileInfo(path).Length / 1048576.0:0} MiB |");
        Console.WriteLine($"| peak working set of the generating process | {peakMemory / 1048576.0:0} MiB |");
        Console.WriteLine($"| floor: CREATE TABLE AS SELECT … FROM range({rows:N0}), six columns | {floorSeconds:0.0} s |");
        Console.WriteLine($"| ratio served / floor | {servedSeconds / floorSeconds:0.00}x |");
        Console.WriteLine($"| ratio served + history / floor (all of generation but the graph) | {(servedSeconds + fillSeconds) / floorSeconds:0.00}x |");
        Console.WriteLine($"load average at end {LoadAverage()}");
        return 0;
    }

    /// <summary>Opens or generates the file at <paramref name="path"/> with its whole telemetry history, as a bench needs it.</summary>
    public static void EnsureComplete(string path, string preset)
    {
        EmbeddedDatabase.EnsureCreated(path, new EmbeddedOptions { Preset = preset }, ConsoleProgressBar.ForStandardError());
        using var source = new DuckDbSource(path);
        using var connection = source.OpenConnection();
        TelemetryHistoryFiller.FillPending(connection, ConsoleProgressBar.ForStandardError(), CancellationToken.None);
    }

    private static (long Rows, long Transformers) HourlyRowCount(string path)
    {
        using var connection = new DuckDBConnection($"DataSource={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Resource("GenerationFloorSize.sql");
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static double Floor(string path, long rows, long transformers)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
        var clock = Stopwatch.StartNew();
        using (var connection = new DuckDBConnection($"DataSource={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Resource("GenerationFloor.sql");
            command.Parameters.Add(new DuckDBParameter(transformers));
            command.Parameters.Add(new DuckDBParameter(transformers));
            command.Parameters.Add(new DuckDBParameter(rows));
            command.ExecuteNonQuery();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "CHECKPOINT";
            checkpoint.ExecuteNonQuery();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        File.Delete(path);
        File.Delete(path + ".wal");
        return seconds;
    }

    private static string Resource(string name)
    {
        using var stream = typeof(GenerationBench).Assembly.GetManifestResourceStream($"Bench/{name}")
            ?? throw new InvalidOperationException($"Missing bench resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Records when each stage starts (the console bar still draws), so stage durations can be printed.</summary>
    private sealed class StageClock : IProgress<GenerationProgress>
    {
        private readonly ConsoleProgressBar _bar = ConsoleProgressBar.ForStandardError();
        private readonly List<(string Stage, TimeSpan Start)> _stages = [];

        public void Report(GenerationProgress value)
        {
            _bar.Report(value);
            // Days of one kind are one row: "…, day 3 of 14" folds into its stage.
            var stage = value.Stage.Split(", day ")[0];
            lock (_stages)
            {
                if (_stages.Count == 0 || _stages[^1].Stage != stage)
                {
                    _stages.Add((stage, value.Elapsed));
                }
                else if (value.Fraction >= 1)
                {
                    _stages.Add(("(end)", value.Elapsed));
                }
            }
        }

        public void Print()
        {
            for (var i = 0; i + 1 < _stages.Count; i++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {_stages[i].Stage} | {(_stages[i + 1].Start - _stages[i].Start).TotalSeconds:0.0} |"));
            }
        }
    }
}
