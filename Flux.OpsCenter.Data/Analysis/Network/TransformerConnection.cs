namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>A transformer, the fuse whose lateral it hangs on, and the ACTIVE customers it serves by class.</summary>
public sealed record TransformerConnection(
    string Id,
    string FuseId,
    string CircuitId,
    double Latitude,
    double Longitude,
    int ResidentialCustomers,
    int CommercialCustomers,
    int IndustrialCustomers,
    int CriticalCareCustomers)
{
    public int Customers => ResidentialCustomers + CommercialCustomers + IndustrialCustomers;
}
