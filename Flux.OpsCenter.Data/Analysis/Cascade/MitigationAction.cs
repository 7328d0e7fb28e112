namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>One step of the playbook: order, kind (ISOLATE, SHED_LOAD, CHOKE_POINT, CLOSE_TIE, DISPATCH_CREWS), target, what, when, effect.</summary>
public sealed record MitigationAction(int Order, string Kind, string Target, string Action, string Timing, string Effect);
