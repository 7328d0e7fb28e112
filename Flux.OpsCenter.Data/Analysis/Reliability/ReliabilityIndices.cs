namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// IEEE 1366-2012 indices of one period and scope. Every per-customer index divides by N_T, the active customers
/// served; CAIDI divides by ΣN_i and CAIFI by CN. Null where the denominator is zero.
/// </summary>
public sealed record ReliabilityIndices(
    long CustomersServed,
    InterruptionTotals Totals,
    double? Saidi,
    double? Saifi,
    double? Caidi,
    double? Caifi,
    double? Maifi,
    double? Asai)
{
    /// <summary>Computes the indices from the sums, N_T and the period length T in minutes.</summary>
    public static ReliabilityIndices From(InterruptionTotals totals, long customersServed, double periodMinutes)
    {
        ArgumentNullException.ThrowIfNull(totals);
        double? perCustomer(double value) => customersServed > 0 ? value / customersServed : null;
        var saidi = perCustomer(totals.CustomerMinutes);
        return new ReliabilityIndices(
            customersServed,
            totals,
            saidi,
            perCustomer(totals.CustomerInterruptions),
            totals.CustomerInterruptions > 0 ? totals.CustomerMinutes / totals.CustomerInterruptions : null,
            totals.CustomersInterrupted > 0 ? totals.CustomerInterruptions / totals.CustomersInterrupted : null,
            perCustomer(totals.MomentaryInterruptions),
            saidi is { } s && periodMinutes > 0 ? 1 - (s / periodMinutes) : null);
    }
}
