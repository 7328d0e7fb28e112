namespace Flux.OpsCenter.Data.Grid;

/// <summary>One line section of a feeder's trunk or laterals, as the map draws it.</summary>
public sealed record FeederLineSegment(
    string SegmentId,
    string CircuitId,
    string SubstationId,
    string SegmentType,
    string? ParentSegmentId,
    int SequenceNo,
    string ProtectiveDeviceId,
    string ProtectiveDeviceType,
    double FromLatitude,
    double FromLongitude,
    double ToLatitude,
    double ToLongitude,
    double LengthM,
    double VoltageKv);
