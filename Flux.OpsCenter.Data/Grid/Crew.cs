namespace Flux.OpsCenter.Data.Grid;

/// <summary>One field crew of CREWS with its current assignment.</summary>
public sealed record Crew(
    string CrewId,
    string CrewName,
    string CrewType,
    string ServiceCenter,
    long Members,
    double CurrentLatitude,
    double CurrentLongitude,
    string Status,
    string? AssignedOutageId,
    string? AssignedWorkOrderId,
    DateTimeOffset ShiftStart,
    DateTimeOffset ShiftEnd,
    DateTimeOffset LastUpdated);
