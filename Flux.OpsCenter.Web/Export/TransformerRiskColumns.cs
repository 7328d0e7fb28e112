using System.Globalization;
using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Export;

/// <summary>The columns of the fleet-risk list: the transformer-risk page renders them and its CSV export writes them.</summary>
public static class TransformerRiskColumns
{
    public static readonly IReadOnlyList<CsvColumn<TransformerRisk>> Columns =
    [
        new("Transformer", t => t.TransformerId),
        new("Name", t => t.TransformerName),
        new("Feeder", t => t.CircuitId),
        new("Substation", t => t.SubstationId),
        new("Failure probability", t => ExportTables.Number(t.FailureProbability, 3), true),
        new("Category", t => t.RiskCategory),
        new("Drivers", t => string.Join(", ", t.Drivers.Select(Driver))),
        new("Customers", t => ExportTables.Whole(t.Customers), true),
        new("Morning load %", t => t.MorningLoadPct is { } load ? ExportTables.Number(load, 1) : "", true),
        new("Age (y)", t => t.AgeYears is { } age ? ExportTables.Number(age, 0) : "", true),
        new("Health", t => t.HealthScore is { } health ? ExportTables.Number(health, 1) : "", true),
        new("Day scored", t => t.PredictionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    ];

    /// <summary>A stored driver name (MORNING_HOT_SPOT) as a reader would say it (morning hot spot).</summary>
    public static string Driver(string name) => (name ?? "").Replace('_', ' ').ToLowerInvariant();
}
