namespace Flux.OpsCenter.Data.Grid;

/// <summary>A scored transformer as the map's risk layer draws it: where, how likely, and its strongest driver.</summary>
public sealed record TransformerRiskPoint(string TransformerId, double Latitude, double Longitude, double FailureProbability, string RiskCategory, string TopDriver);
