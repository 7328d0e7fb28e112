namespace Flux.OpsCenter.Web.Export;

/// <summary>One index of the indices table.</summary>
public sealed record IndexRow(string Index, string WithMajorEvents, string WithoutMajorEvents, string Unit);
