namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// One viewport of the transformer-risk layer, column-wise to stay small: counts by category (all transformers in view),
/// then the drawn transformers above LOW, riskiest first, with the index of their category in <see cref="Categories"/>.
/// </summary>
public sealed record TransformerRiskMapResponse(
    IReadOnlyDictionary<string, long> Counts,
    long Total,
    bool Truncated,
    IReadOnlyList<string> Id,
    IReadOnlyList<double> Lat,
    IReadOnlyList<double> Lon,
    IReadOnlyList<double> Probability,
    IReadOnlyList<int> Category,
    IReadOnlyList<string> Driver)
{
    /// <summary>V_TRANSFORMER_ML_INFERENCE's risk categories, most severe first.</summary>
    public static readonly string[] Categories = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];
}
