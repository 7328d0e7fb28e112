namespace Flux.OpsCenter.Data.Grid;

/// <summary>A crew and how far it is, as the crow flies, from where it would be sent.</summary>
public sealed record CrewDistance(Crew Crew, double DistanceKm);
