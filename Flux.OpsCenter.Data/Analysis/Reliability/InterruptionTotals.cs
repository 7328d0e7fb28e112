namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// The IEEE 1366 sums of one period and scope: sustained events (ΣN_i, Σr_i·N_i), distinct customers interrupted (CN)
/// and momentary interruptions (ΣN_mi; each momentary row is one interruption, so ID_i = 1).
/// </summary>
public sealed record InterruptionTotals(
    long SustainedEvents,
    double CustomerInterruptions,
    double CustomerMinutes,
    long CustomersInterrupted,
    long MomentaryEvents,
    double MomentaryInterruptions)
{
    /// <summary>No interruptions at all.</summary>
    public static readonly InterruptionTotals None = new(0, 0, 0, 0, 0, 0);
}
