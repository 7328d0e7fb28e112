namespace Flux.OpsCenter.Web.Export;

/// <summary>One index of the period comparison table.</summary>
public sealed record ComparisonRow(string Index, string Current, string Previous, string ChangePct);
