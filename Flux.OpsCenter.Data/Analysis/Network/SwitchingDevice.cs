namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>One row of APPLICATIONS.SWITCHING_DEVICE_STATUS: a device, where it sits in the hierarchy, and its live state.</summary>
public sealed record SwitchingDevice(
    string Id,
    SwitchingDeviceType Type,
    string Name,
    string CircuitId,
    string CircuitName,
    string SubstationId,
    string SubstationName,
    string? ParentDeviceId,
    string? TieCircuitId,
    string? TieParentDeviceId,
    double Latitude,
    double Longitude,
    bool IsNormallyOpen,
    bool IsOpen,
    DateTimeOffset? LastOperatedAt,
    string? LastOperation,
    double CircuitCapacityKva = 0)
{
    /// <summary>The type as the tables and the API spell it.</summary>
    public string TypeName => SwitchingDeviceTypes.Name(Type);

    /// <summary>OPEN or CLOSED, as the tables spell it.</summary>
    public string StateName => IsOpen ? SwitchingDeviceTypes.Open : SwitchingDeviceTypes.Closed;
}
