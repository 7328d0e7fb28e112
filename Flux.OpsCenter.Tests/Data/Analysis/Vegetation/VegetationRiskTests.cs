using System.Globalization;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Analysis.Vegetation;

/// <summary>VEGETATION_RISK_COMPUTED against the formula in docs/vegetation-risk.md, computed here from the inventory rows.</summary>
public sealed class VegetationRiskTests
{
    [Fact]
    public void Scores_levels_and_bands_equal_the_documented_formula_for_sample_trees_of_every_level()
    {
        // Fifty trees of each level the view gives, read back from the inventory, not from the view.
        var rows = ViewQueries.Column(TestTerritory.TemplatePath, """
            SELECT i.TREE_ID || '|' || i.HEIGHT_M || '|' || i.CANOPY_RADIUS_M || '|' || i.LINE_VOLTAGE_KV || '|' || i.DISTANCE_TO_LINE_M
                   || '|' || v.RISK_SCORE || '|' || v.RISK_LEVEL || '|' || v.RISK_BAND || '|' || v.REQUIRED_CLEARANCE_M || '|' || v.FALL_ZONE_M
                   || '|' || CAST(v.IN_FALL_ZONE AS VARCHAR)
            FROM PRODUCTION.VEGETATION_INVENTORY i
            JOIN APPLICATIONS.VEGETATION_RISK_COMPUTED v ON v.TREE_ID = i.TREE_ID
            QUALIFY ROW_NUMBER() OVER (PARTITION BY v.RISK_LEVEL ORDER BY i.TREE_ID) <= 50
            """);
        var levels = new HashSet<string>(StringComparer.Ordinal);

        foreach (var row in rows)
        {
            var f = row.Split('|');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            var (height, canopy, kv, distance) = (D(1), D(2), D(3), D(4));

            var clearance = kv >= 69 ? 6.0 : kv >= 25 ? 4.0 : 3.0;
            var encroachment = Math.Clamp((clearance - (distance - canopy)) / clearance, 0, 1);
            var fallIn = Math.Clamp((height - distance) / height, 0, 1);
            var score = (0.6 * encroachment) + (0.4 * fallIn);
            var level = score >= 0.7 ? "CRITICAL" : score >= 0.45 ? "WARNING" : score >= 0.2 ? "MONITOR" : "SAFE";
            var band = level is "CRITICAL" or "WARNING" ? "HIGH" : level == "MONITOR" ? "MEDIUM" : "LOW";

            Assert.Equal(Math.Round(score, 3), D(5), 6);
            Assert.Equal(level, f[6]);
            Assert.Equal(band, f[7]);
            Assert.Equal(clearance, D(8));
            Assert.Equal(height, D(9));
            Assert.Equal(distance <= height, bool.Parse(f[10]));
            levels.Add(level);
        }

        Assert.Equal(["CRITICAL", "MONITOR", "SAFE", "WARNING"], levels.Order(StringComparer.Ordinal));
    }
}
