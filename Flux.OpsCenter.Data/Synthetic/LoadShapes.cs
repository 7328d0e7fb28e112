namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>Hourly demand as a multiple of average demand, by customer class and local hour (ERCOT-like shapes).</summary>
internal static class LoadShapes
{
    public static readonly double[] Residential =
    [
        0.72, 0.66, 0.62, 0.60, 0.61, 0.68, 0.82, 0.92, 0.90, 0.86, 0.86, 0.90,
        0.96, 1.02, 1.10, 1.20, 1.32, 1.45, 1.52, 1.48, 1.38, 1.22, 1.02, 0.84,
    ];

    public static readonly double[] Commercial =
    [
        0.55, 0.52, 0.50, 0.50, 0.52, 0.60, 0.78, 1.02, 1.22, 1.32, 1.38, 1.42,
        1.44, 1.45, 1.44, 1.40, 1.34, 1.22, 1.02, 0.86, 0.74, 0.66, 0.60, 0.57,
    ];

    public static readonly double[] Industrial =
    [
        0.88, 0.86, 0.85, 0.85, 0.86, 0.90, 0.98, 1.06, 1.10, 1.12, 1.12, 1.12,
        1.11, 1.12, 1.12, 1.11, 1.08, 1.04, 1.00, 0.96, 0.94, 0.92, 0.90, 0.89,
    ];
}
