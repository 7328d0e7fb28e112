namespace Flux.OpsCenter.Data.Grid;

/// <summary>One alarm source (a device, or a feeder for overloads) among those with the most activations in a window.</summary>
public sealed record AlarmBadActor(string SubjectId, string AlarmType, string CircuitId, string OperatorPosition, long Alarms, DateTimeOffset LastRaisedAt);
