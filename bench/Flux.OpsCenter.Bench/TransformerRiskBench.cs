using System.Diagnostics;
using System.Globalization;
using Flux.OpsCenter.Data.Analysis.TransformerRisk;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Transformer risk on a territory: if the file is new, generates it and fills its history as the app's background does
/// (timing the transformer-days and the first training), then retrains <c>--runs</c> times for the training and
/// inference (scoring every transformer's latest day) times, and prints the held-out figures.
/// </summary>
internal static class TransformerRiskBench
{
    public static int Run(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var path = Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{preset}.duckdb"));
        var runs = int.Parse(options.GetValueOrDefault("runs", "3"), CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            var generation = Stopwatch.StartNew();
            EmbeddedDatabase.EnsureCreated(path, new EmbeddedOptions { Preset = preset }, ConsoleProgressBar.ForStandardError());
            Console.WriteLine($"| generate {preset} (served) | {generation.Elapsed.TotalSeconds:0.0} s |");
            using var fillSource = new DuckDbSource(path);
            using var fillConnection = fillSource.OpenConnection();
            var stages = new StageClock();
            TelemetryHistoryFiller.FillPending(fillConnection, stages, CancellationToken.None);
            foreach (var (stage, seconds) in stages.Durations())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| background: {stage} | {seconds:0.0} s |"));
            }
        }

        using var source = new DuckDbSource(path);
        using var connection = source.OpenConnection();
        var read = Stopwatch.StartNew();
        var days = TransformerRiskWriter.ReadDays(connection).Days;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| read {days.Count:N0} transformer-days | {read.Elapsed.TotalSeconds:0.0} s |"));

        var training = new List<double>();
        var inference = new List<double>();
        TransformerRiskModel? model = null;
        for (var i = 0; i < runs; i++)
        {
            model = TransformerRiskTrainer.Train(days);
            training.Add(model.TrainingTime.TotalSeconds);
            inference.Add(model.InferenceTime.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| training (FastTree + baseline, {model!.TrainRows:N0} rows, 1 thread) | median {Percentile(training, 0.5):0.0} s | p95 {Percentile(training, 0.95):0.0} s | {runs} runs |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| inference ({model.Scores.Count:N0} transformers, with feature contributions) | median {Percentile(inference, 0.5):0} ms | p95 {Percentile(inference, 0.95):0} ms | {runs} runs |"));
        foreach (var m in new[] { model.Test, model.Baseline })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Model} | AUC {m.Auc:0.000} | Brier {m.Brier:0.0000} | {m.Positives:N0} positives of {m.Count:N0} held out from {model.HeldOutFrom:yyyy-MM-dd} |"));
            foreach (var bin in m.Bins)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"|   [{bin.From:0.0}, {bin.To:0.0}) | n {bin.Count:N0} | predicted {bin.MeanPredicted:0.000} | observed {bin.ObservedRate:0.000} |"));
            }
        }

        Console.WriteLine("| importance | " + string.Join(", ", model.FeatureImportance.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} {f.Value:0.000}"))) + " |");
        return 0;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    /// <summary>How long each reported stage of the history fill lasted, from one report to the next.</summary>
    private sealed class StageClock : IProgress<GenerationProgress>
    {
        private readonly List<(string Stage, TimeSpan At)> _reports = [];

        public void Report(GenerationProgress value) => _reports.Add((value.Stage, value.Elapsed));

        public IEnumerable<(string Stage, double Seconds)> Durations()
        {
            var days = _reports.Where(r => r.Stage.StartsWith("Telemetry history, day", StringComparison.Ordinal)).ToList();
            var risk = _reports.FindIndex(r => r.Stage.StartsWith("Transformer-days", StringComparison.Ordinal));
            if (days.Count > 0 && risk >= 0)
            {
                yield return ($"{days.Count} telemetry days", (_reports[risk].At - days[0].At).TotalSeconds);
            }

            for (var i = Math.Max(0, risk); i >= 0 && i + 1 < _reports.Count; i++)
            {
                yield return (_reports[i].Stage, (_reports[i + 1].At - _reports[i].At).TotalSeconds);
            }
        }
    }
}
