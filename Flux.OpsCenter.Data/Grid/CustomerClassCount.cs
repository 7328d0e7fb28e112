namespace Flux.OpsCenter.Data.Grid;

/// <summary>Active customers of one class (segment) on a feeder, with those on critical care.</summary>
public sealed record CustomerClassCount(string Segment, long Customers, long CriticalCare);
