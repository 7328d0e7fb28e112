namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>A transformer, the fuse whose lateral it hangs on, the ACTIVE customers it serves by class, and its 24-hour peak load.</summary>
public sealed record TransformerConnection(
    string Id,
    string FuseId,
    string CircuitId,
    double Latitude,
    double Longitude,
    int ResidentialCustomers,
    int CommercialCustomers,
    int IndustrialCustomers,
    int CriticalCareCustomers,
    double PeakLoadKw = 0)
{
    public int Customers => ResidentialCustomers + CommercialCustomers + IndustrialCustomers;
}
