namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>A patient-zero candidate: a substation or feeder with its centrality risk (0–1, rank 1 riskiest) and GCN risk if trained.</summary>
public sealed record CascadeCandidate(
    string NodeId,
    string NodeType,
    string? Name,
    string? SubstationId,
    double Latitude,
    double Longitude,
    double RiskScore,
    int Rank,
    double Betweenness,
    int DownstreamCustomers,
    double LoadFactor,
    double? GnnRisk);
