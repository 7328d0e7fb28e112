namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>One restoration step: node, what to do, the step it waits for, crew, start and finish hours, customers restored and cumulative.</summary>
public sealed record RestorationStep(int Order, string NodeId, string Work, string? DependsOn, int Crew, double StartHour, double FinishHour, int CustomersRestored, int CumulativeCustomers);
