using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Spatial;

/// <summary>Finds any substation, feeder, transformer, pole or meter by id (from the spatial index) or a customer by id (from the customer table).</summary>
public sealed class GridMapSearch(GridSpatialIndexProvider provider, GridQueries queries)
{
    /// <summary>The longest text a search accepts.</summary>
    public const int MaxQueryLength = 64;

    public async Task<IReadOnlyList<MapSearchHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var query = text?.Trim() ?? "";
        if (query.Length == 0 || query.Length > MaxQueryLength)
        {
            return [];
        }

        var index = await provider.GetAsync(cancellationToken);
        var hits = index.Search(query, limit).ToList();
        if (await queries.FindCustomerLocationAsync(query, cancellationToken) is { } customer)
        {
            hits.Insert(0, new MapSearchHit("CUSTOMER", customer.CustomerId, $"Customer {customer.CustomerId} · meter {customer.MeterId}",
                customer.Latitude, customer.Longitude, 17, customer.MeterId));
        }

        return [.. hits.Take(limit)];
    }
}
