namespace Flux.OpsCenter.Data.Analysis.Outages;

/// <summary>
/// An outage inferred from last-gasps: the common upstream device (a breaker, recloser, sectionalizer, fuse or the
/// transformer itself), how many of its transformers and meters reported, and how many customers it serves.
/// </summary>
public sealed record PredictedOutage(
    string DeviceId, string DeviceType, string CircuitId, int ReportingTransformers, int Transformers, int ReportingMeters, int Customers);
