namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// How much more often a transformer fails than the fleet's average unit: insulation aging at its summer design peak
/// (IEEE C57.91 aging acceleration of the winding hot spot), its age, and its condition. The outage history draws each
/// transformer's own failures at <c>fleet rate × this</c>, so failures follow overload, heat, age and health rather than
/// falling on units at random, and the fleet's total stays at the IEEE 1366 level the rates were chosen for.
/// </summary>
internal static class TransformerFailureHazard
{
    /// <summary>Houston's 1 % summer design dry-bulb temperature, the ambient a transformer is sized against.</summary>
    public const double DesignAmbientC = 36;

    /// <summary>The hot spot at which 65 °C-rise insulation ages at its rated rate (aging acceleration 1).</summary>
    public const double ReferenceHotSpotC = 110;

    /// <summary>No unit fails more than this many times as often as the fleet average: the hazard tail stays plausible.</summary>
    public const double MaximumRelativeHazard = 12;

    /// <summary>
    /// Winding hot spot, simplified from IEEE C57.91: ambient + 15 °C top-oil rise + 50 °C × loading². The hourly load
    /// (Synthetic/Sql/GenerateTransformerLoad.sql) writes the same rise; a test holds the two equal.
    /// </summary>
    public static double HotSpotC(double ambientC, double loadingRatio) => ambientC + 15 + (50 * loadingRatio * loadingRatio);

    /// <summary>IEEE C57.91 aging acceleration factor F_AA = exp(15000/383 − 15000/(θ_H + 273)).</summary>
    public static double AgingAcceleration(double hotSpotC) => Math.Exp((15000.0 / 383) - (15000.0 / (hotSpotC + 273)));

    /// <summary>The unnormalised hazard of one transformer in <paramref name="year"/>.</summary>
    public static double Stress(TransformerModel transformer, int year)
    {
        ArgumentNullException.ThrowIfNull(transformer);
        var designLoading = transformer.CapacityKva <= 0 ? 0 : transformer.BaseKw * NetworkBuilder.SummerPeakFactor(transformer.CustomerClass) / transformer.CapacityKva;
        // Loss of life grows with F_AA; the square root keeps a hot unit from dominating the fleet alone.
        var thermal = Math.Sqrt(AgingAcceleration(HotSpotC(DesignAmbientC, designLoading)));
        // Wear-out: a Weibull-like rise with age (shape 2.5 around a 30-year characteristic life).
        var age = Math.Max(1, year - transformer.InstallYear);
        var wear = Math.Pow(age / 30.0, 1.5);
        // A poor condition score (oil tests, inspections) means a weakened unit: ×2 for every 15 points below 75.
        var condition = Math.Pow(2, (75 - transformer.HealthScore) / 15);
        return thermal * wear * condition;
    }

    /// <summary>Each transformer's hazard relative to the fleet mean (mean 1 before the cap), keyed by id.</summary>
    public static Dictionary<string, double> Relative(IReadOnlyList<TransformerModel> transformers, int year)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        var stress = transformers.ToDictionary(t => t.Id, t => Stress(t, year), StringComparer.Ordinal);
        var mean = stress.Count == 0 ? 1 : stress.Values.Average();
        return stress.ToDictionary(s => s.Key, s => Math.Min(MaximumRelativeHazard, s.Value / mean), StringComparer.Ordinal);
    }
}
