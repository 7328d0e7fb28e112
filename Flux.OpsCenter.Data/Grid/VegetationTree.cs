namespace Flux.OpsCenter.Data.Grid;

/// <summary>One scored tree of VEGETATION_RISK_COMPUTED.</summary>
public sealed record VegetationTree(
    string TreeId,
    double Latitude,
    double Longitude,
    string Species,
    double HeightM,
    double CanopyRadiusM,
    string CircuitId,
    string SegmentId,
    double LineVoltageKv,
    double DistanceToLineM,
    double RequiredClearanceM,
    double RiskScore,
    string RiskLevel,
    double FallZoneM,
    bool InFallZone,
    string RiskBand);
