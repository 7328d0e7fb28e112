using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Analysis.TransformerRisk;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// Writes the telemetry of one generated day (transformer load, its de-energised hours zeroed, AMI intervals, feeder-head
/// sums) and fills the days generation left pending. Generation writes only the days the first screens read
/// (<see cref="TerritoryGenerator.ServedTelemetryDays"/>) so the file is served sooner; the older days of the window follow
/// in the background, newest first, one transaction per day: a process stopped half-way leaves whole days, and the next
/// start carries on from the pending list. Every row is computed from the same staging tables as the served days, so
/// the filled history is exactly what a single pass would have written.
/// </summary>
public static class TelemetryHistoryFiller
{
    /// <summary>Writes every telemetry row of the day starting at <paramref name="dayStart"/>; outages must already be written.</summary>
    internal static void WriteDay(DuckDBConnection connection, DateTime dayStart, int amiStride, int seed)
    {
        var dayEnd = dayStart.AddDays(1);
        TerritoryGenerator.Execute(connection, "GenerateTransformerLoad", dayStart, dayEnd);
        // A de-energised transformer carries no load before meters read it.
        TerritoryGenerator.Execute(connection, "ZeroLoadOfDeEnergizedTransformers", dayStart, dayEnd, dayStart, dayEnd, dayStart, dayEnd);
        TerritoryGenerator.Execute(connection, "GenerateAmiDay", amiStride, dayStart, dayEnd, seed);
        TerritoryGenerator.Execute(connection, "AggregateFeederLoad", dayStart, dayEnd);
    }

    /// <summary>Telemetry days still to be written (0 for a complete file).</summary>
    public static int CountPending(DuckDBConnection connection) => ReadPending(connection).Count;

    /// <summary>
    /// Writes every pending day, newest first, reporting "day n of m" to <paramref name="progress"/>, then drops the
    /// staging tables. Returns the number of days written (0 when the file was complete).
    /// </summary>
    public static int FillPending(DuckDBConnection connection, IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var pending = ReadPending(connection);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < pending.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var day = pending[i];
            progress?.Report(new GenerationProgress($"Telemetry history, day {i + 1} of {pending.Count}", (double)i / pending.Count, clock.Elapsed));
            InTransaction(connection, () =>
            {
                WriteDay(connection, day.Start, day.AmiStride, day.Seed);
                TerritoryGenerator.Execute(connection, "CompletePendingTelemetryDay", day.Start);
            });
        }

        if (HasPendingList(connection))
        {
            // The transformer-days need every telemetry day and the staging's nearest station: built here, with the drop.
            progress?.Report(new GenerationProgress("Transformer-days for the risk model", 0.99, clock.Elapsed));
            InTransaction(connection, () =>
            {
                TerritoryGenerator.Execute(connection, "BuildTransformerTrainingDays");
                TerritoryGenerator.Execute(connection, "DropGeneratorStaging");
            });
        }

        if (TransformerRiskWriter.EnsureScored(connection) is { } model)
        {
            progress?.Report(new GenerationProgress(
                $"Transformer risk model trained in {model.TrainingTime.TotalSeconds:0.0} s (held-out AUC {model.Test.Auc:0.000}, baseline {model.Baseline.Auc:0.000})",
                0.995, clock.Elapsed));
        }

        if (pending.Count > 0)
        {
            progress?.Report(new GenerationProgress("Telemetry history complete", 1.0, clock.Elapsed));
        }

        return pending.Count;
    }

    private static List<PendingDay> ReadPending(DuckDBConnection connection)
    {
        var days = new List<PendingDay>();
        if (!HasPendingList(connection))
        {
            return days;
        }

        using var command = connection.CreateCommand();
        command.CommandText = QueryCatalog.Resource("Synthetic/Sql/GetPendingTelemetryDays.sql");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            days.Add(new PendingDay(reader.GetDateTime(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return days;
    }

    private static bool HasPendingList(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = QueryCatalog.Resource("Synthetic/Sql/CountPendingTelemetryDayTable.sql");
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static void InTransaction(DuckDBConnection connection, Action write)
    {
        using var transaction = connection.BeginTransaction();
        write();
        transaction.Commit();
    }

    private sealed record PendingDay(DateTime Start, int AmiStride, int Seed);
}
