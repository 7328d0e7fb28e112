namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>One asset a trace reached: a switching device (with its state), a transformer or a substation.</summary>
public sealed record TracedAsset(string Id, string Type, string? Name, double Latitude, double Longitude, string? State);
