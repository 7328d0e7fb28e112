using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// Finds any substation, feeder, transformer, pole, meter or switching device by id (from the spatial index), a switching
/// device by name (from the connectivity model; device names carry their feeder's name) or a customer by id (from the
/// customer table).
/// </summary>
public sealed class GridMapSearch(GridSpatialIndexProvider provider, GridQueries queries, NetworkService network)
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

        if (hits.Count < limit && query.Length >= 3)
        {
            var state = await network.GetStateAsync(cancellationToken);
            foreach (var device in NamedLike(state.Model, query).Take(limit - hits.Count))
            {
                if (!hits.Exists(h => h.AssetId == device.Id))
                {
                    hits.Add(new MapSearchHit(device.TypeName, device.Id, $"{device.Name} · {device.Id}", device.Latitude, device.Longitude, 17));
                }
            }
        }

        return [.. hits.Take(limit)];
    }

    private static IEnumerable<SwitchingDevice> NamedLike(ConnectivityModel model, string text)
    {
        for (var d = 0; d < model.DeviceCount; d++)
        {
            var device = model.Device(d);
            if (device.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                yield return device;
            }
        }
    }
}
