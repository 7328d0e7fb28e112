namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>
/// Cost of a cascade, USD: unserved energy × value of lost load ($15/kWh blended residential/C&amp;I, LBNL ICE-calculator range),
/// where unserved energy is Σ over restoration steps of the step's MW × hours until it is restored; plus crew time
/// (failed equipment × repair hours × $850/h) and equipment ($15,000 per substation, $2,500 per other failed node).
/// Tier by customers: ≥100,000 EMERGENCY, ≥50,000 CRITICAL, ≥10,000 HIGH, else MODERATE.
/// </summary>
public sealed record EconomicImpact(double UnservedMwh, double CustomerHours, double LostLoadCost, double CrewCost, double EquipmentCost, double Total, string Tier);
