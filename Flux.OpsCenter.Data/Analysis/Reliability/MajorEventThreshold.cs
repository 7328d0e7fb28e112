namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// The 2.5β Major Event Day threshold (IEEE 1366-2012 §4.5, Annex B): take the daily system SAIDI of the five years
/// before the period (fewer if the history is shorter), drop days without interruptions, α = mean and β = sample
/// standard deviation of ln(SAIDI), T_MED = exp(α + 2.5β). Null figures mean too little history for a threshold.
/// </summary>
public sealed record MajorEventThreshold(
    DateTimeOffset BaselineFrom,
    DateTimeOffset BaselineTo,
    double YearsOfData,
    int DaysWithInterruptions,
    double? Alpha,
    double? Beta,
    double? Tmed)
{
    /// <summary>Years of daily SAIDI IEEE 1366 asks for.</summary>
    public const int BaselineYears = 5;

    /// <summary>The multiple of β above α that marks a major event.</summary>
    public const double BetaMultiple = 2.5;

    /// <summary>
    /// Computes the threshold from the daily SAIDI values of [<paramref name="baselineFrom"/>, <paramref name="baselineTo"/>);
    /// zero days are ignored as the method prescribes.
    /// </summary>
    public static MajorEventThreshold Compute(IEnumerable<double> dailySaidi, DateTimeOffset baselineFrom, DateTimeOffset baselineTo)
    {
        ArgumentNullException.ThrowIfNull(dailySaidi);
        var logs = dailySaidi.Where(s => s > 0).Select(s => Math.Log(s)).ToList();
        var years = Math.Max(0, (baselineTo - baselineFrom).TotalDays / 365.25);
        if (logs.Count < 2)
        {
            return new MajorEventThreshold(baselineFrom, baselineTo, years, logs.Count, null, null, null);
        }

        var alpha = logs.Average();
        var beta = Math.Sqrt(logs.Sum(l => (l - alpha) * (l - alpha)) / (logs.Count - 1));
        return new MajorEventThreshold(baselineFrom, baselineTo, years, logs.Count, alpha, beta, Math.Exp(alpha + (BetaMultiple * beta)));
    }
}
