namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>How many affected nodes of one type a cascade touched.</summary>
public sealed record NodeTypeCount(string Type, int Count);
