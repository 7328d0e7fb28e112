namespace Flux.OpsCenter.Data.Embedded;

/// <summary>What an embedded database file holds: its schema version, preset, seed and the data's "now".</summary>
public sealed record DatabaseInfo(int SchemaVersion, string Preset, int Seed, DateTimeOffset GeneratedAt, DateTimeOffset DataAsOf, bool TerritoryReady);
