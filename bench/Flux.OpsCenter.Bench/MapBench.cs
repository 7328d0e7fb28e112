using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Spatial;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Map budget (DESIGN.md §9): a viewport request at any zoom answers in p95 &lt; 25 ms of server time and &lt; 200 KB.
/// Server time is what the endpoint does per request: query the shared index and write the JSON body.
/// </summary>
internal static class MapBench
{
    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var path = Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{preset}.duckdb"));
        var runs = int.Parse(options.GetValueOrDefault("runs", "200"), CultureInfo.InvariantCulture);
        using var source = new DuckDbSource(path);
        var provider = new GridSpatialIndexProvider(new GridQueries(source), TimeProvider.System);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var index = await provider.GetAsync(CancellationToken.None);
        var build = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"index build ({preset}): {build.TotalSeconds:0.00} s, managed heap +{(after - before) / 1024.0 / 1024.0:0} MiB, " +
            $"{index.Count(MapLayers.Meters):N0} meters, {index.Count(MapLayers.Transformers):N0} transformers, {index.Count(MapLayers.Poles):N0} poles, {index.Count(MapLayers.Feeders):N0} feeders");
        foreach (var layer in (MapLayers[])[MapLayers.Substations, MapLayers.Feeders, MapLayers.Transformers, MapLayers.Poles, MapLayers.Meters])
        {
            var whole = index.Query(Viewport((index.Extent.MinLat + index.Extent.MaxLat) / 2, (index.Extent.MinLon + index.Extent.MaxLon) / 2, 10, 1600, 900), 10, layer);
            var bytes = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(bytes))
            {
                whole.WriteJson(writer);
            }

            Console.WriteLine($"zoom 10, whole territory, {MapLayerNames.Name(layer)} alone: {whole.FeatureCount:N0} features, {bytes.WrittenCount / 1024.0:0.0} KB");
        }

        Console.WriteLine();
        Console.WriteLine($"| viewport 1600×900 px ({preset}, {runs} requests, random centres) | features | p50 ms | p95 ms | max ms | median KB | max KB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var random = new Random(4);
        var extent = index.Extent;
        foreach (var zoom in (int[])[10, 12, 13, 15, 17])
        {
            var times = new List<double>(runs);
            var sizes = new List<double>(runs);
            var features = new List<double>(runs);
            for (var i = -10; i < runs; i++)
            {
                // The whole territory at zoom 10, else random centres inside the territory.
                var latitude = zoom <= 10 ? (extent.MinLat + extent.MaxLat) / 2 : extent.MinLat + random.NextDouble() * (extent.MaxLat - extent.MinLat);
                var longitude = zoom <= 10 ? (extent.MinLon + extent.MaxLon) / 2 : extent.MinLon + random.NextDouble() * (extent.MaxLon - extent.MinLon);
                var box = Viewport(latitude, longitude, zoom, 1600, 900);
                var buffer = new ArrayBufferWriter<byte>(64 * 1024);
                clock.Restart();
                var result = index.Query(box, zoom, MapLayers.All);
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    result.WriteJson(writer);
                }

                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (i >= 0)
                {
                    times.Add(elapsed);
                    sizes.Add(buffer.WrittenCount / 1024.0);
                    features.Add(result.FeatureCount);
                }
            }

            times.Sort();
            sizes.Sort();
            features.Sort();
            Console.WriteLine($"| zoom {zoom} | {BenchCommands.Percentile(features, 0.5):N0} (max {features[^1]:N0}) | {BenchCommands.Percentile(times, 0.5):0.00} | " +
                $"{BenchCommands.Percentile(times, 0.95):0.00} | {times[^1]:0.00} | {BenchCommands.Percentile(sizes, 0.5):0.0} | {sizes[^1]:0.0} |");
        }

        return 0;
    }

    /// <summary>The box a <paramref name="width"/>×<paramref name="height"/> pixel map shows around a centre at a zoom (Web Mercator).</summary>
    public static GeoBox Viewport(double latitude, double longitude, int zoom, int width, int height)
    {
        var scale = 256.0 * Math.Pow(2, zoom);
        var x = (longitude + 180) / 360 * scale;
        var sin = Math.Sin(latitude * Math.PI / 180);
        var y = (0.5 - Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
        static double Lat(double y, double scale) => 180 / Math.PI * Math.Atan(Math.Sinh(Math.PI * (1 - 2 * y / scale)));
        return new GeoBox((x - width / 2.0) / scale * 360 - 180, Lat(y + height / 2.0, scale), (x + width / 2.0) / scale * 360 - 180, Lat(y - height / 2.0, scale));
    }
}
