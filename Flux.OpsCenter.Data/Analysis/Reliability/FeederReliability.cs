namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// One feeder's customer experience over a period: CEMI-n (customers with more than n sustained interruptions, IEEE 1366) and
/// CELID (customers with at least one interruption lasting L hours or more), as counts and % of its customers.
/// </summary>
public sealed record FeederReliability(
    string CircuitId,
    string CircuitName,
    string SubstationId,
    long CustomersServed,
    long SustainedEvents,
    double CustomerInterruptions,
    double CustomerMinutes,
    double Saidi,
    long CemiCustomers,
    double CemiPct,
    long CelidCustomers,
    double CelidPct);
