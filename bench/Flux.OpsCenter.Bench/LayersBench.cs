using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Flux.OpsCenter.Data.Analysis.Vegetation;
using Flux.OpsCenter.Data.Analysis.Weather;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Synthetic;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// Issue #13 budgets on an existing file: the generator's weather stage, the weather field of every hour held (server time:
/// read the hour, interpolate, write the JSON; and its size) and vegetation viewports (index query and JSON) at map zooms.
/// </summary>
internal static class LayersBench
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var preset = options.GetValueOrDefault("preset", "houston");
        var path = Path.GetFullPath(options.GetValueOrDefault("path", $"bench/results/{preset}.duckdb"));
        if (!File.Exists(path))
        {
            var generation = Stopwatch.StartNew();
            EmbeddedDatabase.EnsureCreated(path, new EmbeddedOptions { Preset = preset }, ConsoleProgressBar.ForStandardError());
            Console.WriteLine($"| generate {preset} (territory only) | {generation.Elapsed.TotalSeconds:0.0} s |");
        }

        EmbeddedDatabase.RefreshViews(path);
        using var source = new DuckDbSource(path);

        var transformers = ViewCoordinates(path);
        var clock = Stopwatch.StartNew();
        var rows = WeatherBuilder.Build(new DateTime(2026, 11, 6, 16, 0, 0, DateTimeKind.Utc), TerritoryGenerator.TelemetryDays * 24, new Random(1)).Count;
        var build = clock.Elapsed;
        clock.Restart();
        var stations = transformers.Select(t => WeatherStations.Nearest(t.Latitude, t.Longitude).Id).Distinct().Count();
        Console.WriteLine($"| generator weather stage ({preset}) | {rows:N0} station-hours in {build.TotalMilliseconds:0.0} ms; nearest station for {transformers.Count:N0} transformers ({stations} stations used) in {clock.Elapsed.TotalMilliseconds:0.0} ms |");

        var weather = new WeatherQueries(source);
        var hours = (await weather.GetWeatherObservationsAsync(CancellationToken.None)).Select(o => o.ObservationTime).Distinct().Order().ToList();
        var times = new List<double>(hours.Count);
        var sizes = new List<double>(hours.Count);
        foreach (var (hour, i) in hours.Select((h, i) => (h, i)))
        {
            clock.Restart();
            var observations = await weather.GetWeatherHourAsync(hour, CancellationToken.None);
            var field = new WeatherField(observations);
            var grid = WeatherField.TerritoryGrid;
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                time = hour, grid, method = "inverse-distance weighting, power 2",
                temperatureF = field.Sample(grid, s => s.TemperatureF), windSpeedMph = field.Sample(grid, s => s.WindSpeedMph), stations = observations,
            }, Web);
            if (i >= 5)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
                sizes.Add(body.Length / 1024.0);
            }
        }

        Console.WriteLine($"| weather field per hour ({preset}, {times.Count:N0} hours) | {Summary(times, "ms")}; body {Summary(sizes, "KB")} |");

        var provider = new VegetationIndexProvider(new VegetationQueries(source));
        clock.Restart();
        var index = await provider.GetAsync(CancellationToken.None);
        Console.WriteLine($"| vegetation index build ({preset}, {index.Count:N0} trees) | {clock.Elapsed.TotalMilliseconds:0} ms |");
        var random = new Random(5);
        var lat = transformers.Select(t => t.Latitude).Order().ToList();
        var lon = transformers.Select(t => t.Longitude).Order().ToList();
        foreach (var (zoom, bands) in new[] { (10, "HIGH,MEDIUM,LOW"), (10, "HIGH"), (13, "HIGH,MEDIUM,LOW"), (15, "HIGH,MEDIUM,LOW"), (17, "HIGH,MEDIUM,LOW") })
        {
            var chosen = bands.Split(',').ToHashSet(StringComparer.Ordinal);
            var samples = new List<double>();
            var bytes = new List<double>();
            for (var i = -10; i < 200; i++)
            {
                var centre = zoom <= 10 ? (lat[lat.Count / 2], lon[lon.Count / 2]) : (lat[random.Next(lat.Count)], lon[random.Next(lon.Count)]);
                var box = MapBench.Viewport(centre.Item1, centre.Item2, zoom, 1600, 900);
                clock.Restart();
                var view = index.Query(box, chosen, 3_000);
                var body = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    counts = view.Counts, total = view.Counts.Values.Sum(), truncated = view.Truncated,
                    id = view.Trees.Select(t => t.TreeId), lat = view.Trees.Select(t => t.Latitude), lon = view.Trees.Select(t => t.Longitude),
                    band = view.Trees.Select(t => t.RiskBand == "HIGH" ? 0 : t.RiskBand == "MEDIUM" ? 1 : 2), score = view.Trees.Select(t => t.RiskScore),
                }, Web);
                if (i >= 0)
                {
                    samples.Add(clock.Elapsed.TotalMilliseconds);
                    bytes.Add(body.Length / 1024.0);
                }
            }

            Console.WriteLine($"| vegetation viewport 1600×900 zoom {zoom} {bands.ToLowerInvariant()} ({preset}, 200 requests) | {Summary(samples, "ms")}; body {Summary(bytes, "KB")} |");
        }

        return 0;
    }

    private static List<(double Latitude, double Longitude)> ViewCoordinates(string path)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"DataSource={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT LATITUDE, LONGITUDE FROM PRODUCTION.TRANSFORMER_METADATA";
        using var reader = command.ExecuteReader();
        var result = new List<(double, double)>();
        while (reader.Read())
        {
            result.Add((reader.GetDouble(0), reader.GetDouble(1)));
        }

        return result;
    }

    private static string Summary(List<double> samples, string unit)
    {
        samples.Sort();
        double At(double q) => samples[(int)Math.Min(samples.Count - 1, Math.Ceiling(q * samples.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):0.00} {unit}, p95 {At(0.95):0.00} {unit}, max {samples[^1]:0.00} {unit}");
    }
}
