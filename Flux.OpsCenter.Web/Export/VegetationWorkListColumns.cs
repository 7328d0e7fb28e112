using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Export;

/// <summary>The columns of the trimming work list: the vegetation page renders them and its CSV export writes them.</summary>
public static class VegetationWorkListColumns
{
    public static readonly IReadOnlyList<CsvColumn<VegetationFeederRisk>> Columns =
    [
        new("Feeder", f => f.CircuitId),
        new("Name", f => f.CircuitName),
        new("Substation", f => f.SubstationId),
        new("High", f => ExportTables.Whole(f.HighTrees), true),
        new("Medium", f => ExportTables.Whole(f.MediumTrees), true),
        new("Low", f => ExportTables.Whole(f.LowTrees), true),
        new("In fall zone", f => ExportTables.Whole(f.TreesInFallZone), true),
        new("Trees", f => ExportTables.Whole(f.Trees), true),
        new("Highest score", f => ExportTables.Number(f.MaxRiskScore, 3), true),
        new("Customers on feeder", f => ExportTables.Whole(f.CustomersServed), true),
        new("Oldest trim", f => f.OldestTrim?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    ];
}
