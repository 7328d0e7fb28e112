using System.Globalization;
using DuckDB.NET.Data;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Analysis.TransformerRisk;

/// <summary>
/// The embedded file's training run: once the telemetry history and its transformer-days exist, trains the risk model
/// (<see cref="TransformerRiskTrainer"/>) and stores one score per transformer and the model's held-out figures in one
/// transaction, so V_TRANSFORMER_ML_INFERENCE is a plain view over stored rows. A file already scored is left alone.
/// </summary>
internal static class TransformerRiskWriter
{
    /// <summary>Trains and stores the scores if the file has training days but no scores; returns the model, or null when nothing was done.</summary>
    public static TransformerRiskModel? EnsureScored(DuckDBConnection connection)
    {
        if (Scalar(connection, "Sql/Analysis/CountTransformerRiskScores.sql") > 0)
        {
            return null;
        }

        var (days, scoredAt) = ReadDays(connection);
        if (days.Select(d => d.Date).Distinct().Count() <= TransformerRiskTrainer.HeldOutDays)
        {
            return null;
        }

        var model = TransformerRiskTrainer.Train(days);
        using var transaction = connection.BeginTransaction();
        using (var appender = connection.CreateAppender("ML_DEMO", "TRANSFORMER_RISK_SCORES"))
        {
            foreach (var score in model.Scores)
            {
                appender.CreateRow()
                    .AppendValue(score.TransformerId).AppendValue((DateOnly?)score.Date).AppendValue(Math.Round(score.Probability, 4))
                    .AppendValue(score.Drivers.Count > 0 ? score.Drivers[0] : "NONE")
                    .AppendValue(score.Drivers.Count > 1 ? score.Drivers[1] : null)
                    .AppendValue(score.Drivers.Count > 2 ? score.Drivers[2] : null)
                    .AppendValue(model.ModelVersion).AppendValue((DateTime?)scoredAt)
                    .EndRow();
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = QueryCatalog.Resource("Sql/Analysis/InsertTransformerRiskMetrics.sql");
            foreach (var value in new object[]
            {
                model.ModelVersion, scoredAt, model.TrainRows, model.Test.Count, model.Test.Positives, model.HeldOutFrom,
                model.Test.Auc, model.Test.Brier, model.Baseline.Auc, model.Baseline.Brier, Math.Round(model.TrainingTime.TotalMilliseconds, 1),
            })
            {
                command.Parameters.Add(new DuckDBParameter(value));
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return model;
    }

    /// <summary>Every training day, and the latest morning among them: the scores' "as of", so the file stays deterministic.</summary>
    internal static (List<TransformerDay> Days, DateTime ScoredAt) ReadDays(DuckDBConnection connection)
    {
        var days = new List<TransformerDay>();
        var scoredAt = DateTime.MinValue;
        using var command = connection.CreateCommand();
        command.CommandText = QueryCatalog.Resource("Sql/Analysis/GetTransformerTrainingDays.sql");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            days.Add(new TransformerDay(
                reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10),
                reader.GetString(11), reader.GetInt32(12) == 1));
            var morning = reader.GetDateTime(13);
            if (morning > scoredAt)
            {
                scoredAt = morning;
            }
        }

        return (days, scoredAt);
    }

    private static long Scalar(DuckDBConnection connection, string resource)
    {
        using var command = connection.CreateCommand();
        command.CommandText = QueryCatalog.Resource(resource);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
