using System.Buffers;
using System.Text;
using System.Text.Json;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Spatial;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Spatial;

/// <summary>The spatial index over the small territory, checked against independent SQL over the tables.</summary>
public sealed class GridSpatialIndexTests : IAsyncLifetime
{
    private readonly string _path = TestTerritory.CreateCopy();
    private DuckDbSource _source = default!;
    private GridSpatialIndex _index = default!;

    public async ValueTask InitializeAsync()
    {
        _source = new DuckDbSource(_path);
        _index = await new GridSpatialIndexProvider(new GridQueries(_source), TimeProvider.System).GetAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _source.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public void Holds_every_asset_of_the_territory()
    {
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.SUBSTATIONS"), _index.Count(MapLayers.Substations));
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.CIRCUIT_METADATA"), _index.Count(MapLayers.Feeders));
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA"), _index.Count(MapLayers.Transformers));
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.GRID_POLES_INFRASTRUCTURE"), _index.Count(MapLayers.Poles));
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE"), _index.Count(MapLayers.Meters));
    }

    [Fact]
    public void Zoomed_out_the_territory_comes_as_clusters_that_add_up_to_every_asset()
    {
        var result = Decode(_index.Query(_index.Extent, 9, MapLayers.All));

        Assert.Equal("points", result.Layers["substations"].Mode);
        Assert.Equal("clusters", result.Layers["transformers"].Mode);
        Assert.Equal("clusters", result.Layers["meters"].Mode);
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA"), result.Layers["transformers"].Counts.Sum());
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE"), result.Layers["meters"].Assets);
        Assert.True(result.Layers["meters"].Features < 1_000, "clusters stand in for hundreds of meters each");
    }

    [Fact]
    public void Zoomed_in_around_a_meter_every_meter_in_the_box_comes_one_by_one()
    {
        var meter = Text("SELECT METER_ID || '|' || LATITUDE || '|' || LONGITUDE FROM PRODUCTION.METER_INFRASTRUCTURE ORDER BY METER_ID LIMIT 1 OFFSET 17").Split('|');
        double latitude = double.Parse(meter[1], System.Globalization.CultureInfo.InvariantCulture), longitude = double.Parse(meter[2], System.Globalization.CultureInfo.InvariantCulture);
        var box = new GeoBox(longitude - 0.003, latitude - 0.002, longitude + 0.003, latitude + 0.002);
        var inBox = Sql($"SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE WHERE LATITUDE BETWEEN {box.MinLat} AND {box.MaxLat} AND LONGITUDE BETWEEN {box.MinLon} AND {box.MaxLon}");

        var result = Decode(_index.Query(box, 17, MapLayers.Meters | MapLayers.Transformers));

        var meters = result.Layers["meters"];
        Assert.Equal("points", meters.Mode);
        Assert.Contains(meter[0], meters.Ids);
        Assert.Equal(inBox, meters.Ids.Count);
        var (lat, lon) = meters.Positions[meters.Ids.ToList().IndexOf(meter[0])];
        Assert.Equal(latitude, lat, 4);
        Assert.Equal(longitude, lon, 4);
    }

    [Fact]
    public void An_asset_lying_exactly_on_the_box_edge_is_returned()
    {
        // Boxes whose south, east, north and west edges pass exactly through a transformer's stored coordinates.
        var transformer = Text("SELECT TRANSFORMER_ID || '|' || LATITUDE || '|' || LONGITUDE FROM PRODUCTION.TRANSFORMER_METADATA ORDER BY TRANSFORMER_ID LIMIT 1 OFFSET 40").Split('|');
        double latitude = double.Parse(transformer[1], System.Globalization.CultureInfo.InvariantCulture), longitude = double.Parse(transformer[2], System.Globalization.CultureInfo.InvariantCulture);
        var boxes = new[]
        {
            new GeoBox(longitude - 0.004, latitude, longitude + 0.004, latitude + 0.004),
            new GeoBox(longitude - 0.004, latitude - 0.004, longitude, latitude + 0.004),
            new GeoBox(longitude - 0.004, latitude - 0.004, longitude + 0.004, latitude),
            new GeoBox(longitude, latitude - 0.004, longitude + 0.004, latitude + 0.004),
        };

        foreach (var box in boxes)
        {
            var inBox = Sql($"SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA WHERE LATITUDE BETWEEN {box.MinLat} AND {box.MaxLat} AND LONGITUDE BETWEEN {box.MinLon} AND {box.MaxLon}");
            var drawn = Decode(_index.Query(box, 17, MapLayers.Transformers)).Layers["transformers"];

            Assert.Equal("points", drawn.Mode);
            Assert.Contains(transformer[0], drawn.Ids);
            Assert.Equal(inBox, drawn.Ids.Count);
        }
    }

    [Fact]
    public void Cluster_counts_count_only_the_assets_inside_the_box()
    {
        // A box that cuts through cells at a clustering zoom: every cluster counts what the box holds, nothing beyond it.
        var extent = _index.Extent;
        var box = new GeoBox(
            extent.MinLon + ((extent.MaxLon - extent.MinLon) * 0.31), extent.MinLat + ((extent.MaxLat - extent.MinLat) * 0.27),
            extent.MinLon + ((extent.MaxLon - extent.MinLon) * 0.73), extent.MinLat + ((extent.MaxLat - extent.MinLat) * 0.69));
        var inBox = Sql($"SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE WHERE LATITUDE BETWEEN {box.MinLat} AND {box.MaxLat} AND LONGITUDE BETWEEN {box.MinLon} AND {box.MaxLon}");
        var outside = Sql("SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE") - inBox;

        var meters = Decode(_index.Query(box, 11, MapLayers.Meters)).Layers["meters"];

        Assert.Equal("clusters", meters.Mode);
        Assert.True(outside > 0, "The box holds every meter: the clipping is not exercised.");
        Assert.Equal(inBox, meters.Counts.Sum());
        Assert.Equal(inBox, meters.Assets);
        Assert.All(meters.Positions, p => Assert.True(box.Contains(p.Latitude, p.Longitude), $"cluster centre {p} outside the box"));
    }

    [Fact]
    public void Transformers_turn_individual_at_their_zoom_and_meters_later()
    {
        var box = _index.Extent;
        Assert.Equal("clusters", _index.Query(box, GridSpatialIndex.IndividualFromZoom(MapLayers.Transformers) - 1, MapLayers.Transformers).Layer(MapLayers.Transformers)!.Mode.ToString().ToLowerInvariant());
        Assert.Equal(MapLayerMode.Points, _index.Query(box, GridSpatialIndex.IndividualFromZoom(MapLayers.Transformers), MapLayers.Transformers).Layer(MapLayers.Transformers)!.Mode);
        Assert.Equal(MapLayerMode.Clusters, _index.Query(box, GridSpatialIndex.IndividualFromZoom(MapLayers.Meters) - 1, MapLayers.Meters).Layer(MapLayers.Meters)!.Mode);
        Assert.True(GridSpatialIndex.IndividualFromZoom(MapLayers.Meters) > GridSpatialIndex.IndividualFromZoom(MapLayers.Transformers));
    }

    [Fact]
    public void The_feature_cap_holds_by_clustering_rather_than_dropping_assets()
    {
        var result = _index.Query(_index.Extent, 19, MapLayers.All, maxFeatures: 300);

        Assert.True(result.FeatureCount <= 300, $"{result.FeatureCount} features");
        Assert.Equal(MapLayerMode.Clusters, result.Layer(MapLayers.Meters)!.Mode);
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE"), result.Layer(MapLayers.Meters)!.Assets);
    }

    [Fact]
    public void Cluster_status_counts_every_asset_not_energized_and_healthy()
    {
        var notNormal = Sql($"""
            SELECT COUNT(*) FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_NODES
            WHERE ASSET_TYPE = 'METER' AND (STATUS <> 'ENERGIZED' OR HEALTH_SCORE < {MapStatusOf.UnhealthyBelow})
            """);
        var json = Json(_index.Query(_index.Extent, 3, MapLayers.Meters));

        using var document = JsonDocument.Parse(json);
        var affected = document.RootElement.GetProperty("layers")[0].GetProperty("a").EnumerateArray().Sum(a => a.GetInt64());
        Assert.Equal(notNormal, affected);
    }

    [Fact]
    public async Task Recolouring_puts_a_transformer_and_its_meters_out_and_back_while_the_geometry_stays_shared()
    {
        var transformer = Text($"""
            SELECT MIN(n.ASSET_ID) FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_NODES n
            WHERE n.ASSET_TYPE = 'TRANSFORMER' AND n.STATUS = 'ENERGIZED' AND n.HEALTH_SCORE >= {MapStatusOf.UnhealthyBelow}
              AND EXISTS (SELECT 1 FROM PRODUCTION.METER_INFRASTRUCTURE m WHERE m.TRANSFORMER_ID = n.ASSET_ID)
            """);
        var meters = Sql($"SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE WHERE TRANSFORMER_ID = '{transformer}'");
        var queries = new GridQueries(_source);
        var live = await queries.GetMapAssetsNotEnergizedAsync(TestContext.Current.CancellationToken);
        var circuits = await queries.GetCircuitStatusAsync(GridQueries.MaxRows, TestContext.Current.CancellationToken);
        var deadDevices = (await queries.GetActiveOutagesAsync(GridQueries.MaxRows, TestContext.Current.CancellationToken))
            .Select(o => o.DeviceId).ToHashSet(StringComparer.Ordinal);
        var meterIds = ViewQueries.Column(_path, $"SELECT METER_ID FROM PRODUCTION.METER_INFRASTRUCTURE WHERE TRANSFORMER_ID = '{transformer}'");
        var faulted = live
            .Append(new MapAssetStatusRow("TRANSFORMER", transformer, "OUTAGE", 90))
            .Concat(meterIds.Select(id => new MapAssetStatusRow("METER", id, "OUTAGE", 90)))
            .ToList();
        var place = _index.Search(transformer, 1)[0];
        var box = new GeoBox(place.Longitude - 0.002, place.Latitude - 0.002, place.Longitude + 0.002, place.Latitude + 0.002);
        var affectedBefore = Decode(_index.Query(_index.Extent, 9, MapLayers.Transformers)).Layers["transformers"].Affected.Sum();

        var unchanged = _index.WithStatuses(live, circuits, deadDevices, DateTimeOffset.UnixEpoch);
        var outage = unchanged.Index.WithStatuses(faulted, circuits, deadDevices, DateTimeOffset.UnixEpoch.AddMinutes(1));
        var restored = outage.Index.WithStatuses(live, circuits, deadDevices, DateTimeOffset.UnixEpoch.AddMinutes(2));

        // The index as built already matches the live rows; the fault recolours exactly the transformer and its meters.
        Assert.Equal(0, unchanged.ChangedFeatures);
        Assert.Equal(1 + meters, outage.ChangedFeatures);
        Assert.True(outage.Area is { } area && area.Contains(place.Latitude, place.Longitude));
        Assert.Equal(2, StatusOf(outage.Index, box, "transformers", transformer));
        Assert.All(meterIds, id => Assert.Equal(2, StatusOf(outage.Index, box, "meters", id)));
        Assert.Equal(affectedBefore + 1, Decode(outage.Index.Query(_index.Extent, 9, MapLayers.Transformers)).Layers["transformers"].Affected.Sum());
        Assert.Equal(0, StatusOf(restored.Index, box, "transformers", transformer));
        Assert.Equal(1 + meters, restored.ChangedFeatures);
        Assert.Equal(affectedBefore, Decode(restored.Index.Query(_index.Extent, 9, MapLayers.Transformers)).Layers["transformers"].Affected.Sum());
        // The original is untouched: readers holding it keep a consistent picture.
        Assert.Equal(0, StatusOf(_index, box, "transformers", transformer));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMinutes(1), outage.Index.StatusAsOf);
    }

    [Fact]
    public void Search_finds_any_asset_by_id_in_any_case_and_by_prefix()
    {
        var meter = Text("SELECT MAX(METER_ID) FROM PRODUCTION.METER_INFRASTRUCTURE");
        var feeder = Text("SELECT MIN(CIRCUIT_ID) FROM PRODUCTION.CIRCUIT_METADATA");

        Assert.Equal(meter, _index.Search(meter.ToLowerInvariant(), 5)[0].AssetId);
        Assert.Equal("FEEDER", _index.Search(feeder, 5)[0].AssetType);
        var substations = _index.Search("SUB-00", 3);
        Assert.Equal(3, substations.Count);
        Assert.All(substations, hit => Assert.StartsWith("SUB-00", hit.AssetId, StringComparison.Ordinal));
        Assert.Empty(_index.Search("NO-SUCH-ASSET", 5));
    }

    private static int StatusOf(GridSpatialIndex index, GeoBox box, string layer, string id)
    {
        var drawn = Decode(index.Query(box, 17, MapLayers.All)).Layers[layer];
        return drawn.Statuses[drawn.Ids.ToList().IndexOf(id)];
    }

    private long Sql(string sql) => ViewQueries.Long(_path, sql);

    private string Text(string sql) => Convert.ToString(ViewQueries.Scalar(_path, sql), System.Globalization.CultureInfo.InvariantCulture)!;

    private static string Json(MapFeatureResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            result.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static MapResponse Decode(MapFeatureResult result) => MapResponse.Parse(Json(result));
}
