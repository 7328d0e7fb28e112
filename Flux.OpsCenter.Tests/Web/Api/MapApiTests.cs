using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flux.OpsCenter.Data.Spatial;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class MapApiTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    private const string Territory = "-96.5,29.0,-94.5,30.5";

    [Theory]
    [InlineData("-180,-90,180,90", 22)]
    [InlineData(Territory, 12)]
    public async Task A_viewport_answer_stays_within_its_byte_budget_and_says_truncated_when_it_had_to_leave_features_out(string bbox, int zoom)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri($"/api/map/features?bbox={bbox}&zoom={zoom}&layers=substations,feeders,transformers,poles,meters", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(body.Length, 1, Flux.OpsCenter.Web.Api.MapEndpoints.MaxResponseBytes);

        // The small territory fits the real budget; two thirds of the full answer show the cut at work.
        var index = await factory.Services.GetRequiredService<GridSpatialIndexProvider>().GetAsync(TestContext.Current.CancellationToken);
        var box = Flux.OpsCenter.Web.Api.MapEndpoints.ParseBox(bbox, out _)!.Value;
        var budget = body.Length * 2 / 3;
        var cut = Flux.OpsCenter.Web.Api.MapEndpoints.WriteWithinBudget(index, box, zoom, MapLayers.All, budget);
        Assert.InRange(cut.Length, 1, budget);
        var map = MapResponse.Parse(System.Text.Encoding.UTF8.GetString(cut));
        Assert.True(map.Truncated);
        Assert.True(map.Features > 0);
    }

    [Fact]
    public async Task Low_zoom_returns_clusters_standing_for_every_transformer()
    {
        var map = await GetAsync($"/api/map/features?bbox={Territory}&zoom=9&layers=substations,transformers");

        Assert.Equal("points", map.Layers["substations"].Mode);
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.SUBSTATIONS"), map.Layers["substations"].Ids.Count);
        Assert.Equal("clusters", map.Layers["transformers"].Mode);
        Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA"), map.Layers["transformers"].Counts.Sum());
        Assert.False(map.Layers.ContainsKey("meters"));
    }

    [Fact]
    public async Task High_zoom_returns_the_individual_transformers_inside_the_box()
    {
        var (latitude, longitude) = Position("SELECT LATITUDE, LONGITUDE FROM PRODUCTION.TRANSFORMER_METADATA ORDER BY TRANSFORMER_ID LIMIT 1");
        var box = FormattableString.Invariant($"{longitude - 0.01},{latitude - 0.01},{longitude + 0.01},{latitude + 0.01}");
        var expected = Sql(FormattableString.Invariant($"""
            SELECT COUNT(*) FROM PRODUCTION.TRANSFORMER_METADATA
            WHERE LATITUDE BETWEEN {latitude - 0.01} AND {latitude + 0.01} AND LONGITUDE BETWEEN {longitude - 0.01} AND {longitude + 0.01}
            """));

        var map = await GetAsync($"/api/map/features?bbox={box}&zoom=16&layers=transformers");

        Assert.Equal("points", map.Layers["transformers"].Mode);
        Assert.Equal(expected, map.Layers["transformers"].Ids.Count);
        Assert.Contains(Text("SELECT MIN(TRANSFORMER_ID) FROM PRODUCTION.TRANSFORMER_METADATA"), map.Layers["transformers"].Ids);
    }

    [Fact]
    public async Task A_fault_recolours_the_transformer_in_the_features_response_without_a_rebuild()
    {
        var transformer = Text($"""
            SELECT MIN(ASSET_ID) FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_NODES
            WHERE ASSET_TYPE = 'TRANSFORMER' AND STATUS = 'ENERGIZED' AND HEALTH_SCORE >= {MapStatusOf.UnhealthyBelow}
            """);
        var (latitude, longitude) = Position($"SELECT LATITUDE, LONGITUDE FROM PRODUCTION.TRANSFORMER_METADATA WHERE TRANSFORMER_ID = '{transformer}'");
        var box = FormattableString.Invariant($"{longitude - 0.002},{latitude - 0.002},{longitude + 0.002},{latitude + 0.002}");
        var path = $"/api/map/features?bbox={box}&zoom=17&layers=transformers";
        var provider = factory.Services.GetRequiredService<GridSpatialIndexProvider>();
        var built = await provider.GetAsync(TestContext.Current.CancellationToken);
        var before = (await GetAsync(path)).Layers["transformers"];
        var recoloured = new TaskCompletionSource<MapStatusRefresh>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.StatusChanged += (_, refresh) => recoloured.TrySetResult(refresh);

        // The simulator writes the outage and nudges the monitor; its delta makes the follower recolour the index.
        await factory.Services.GetRequiredService<LiveEventSimulator>().InjectFaultAsync(transformer, TestContext.Current.CancellationToken);
        var refresh = await recoloured.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        var after = (await GetAsync(path)).Layers["transformers"];

        Assert.Equal(0, before.Statuses[before.Ids.ToList().IndexOf(transformer)]);
        Assert.Equal(2, after.Statuses[after.Ids.ToList().IndexOf(transformer)]);
        Assert.True(refresh.Area is { } area && area.Contains(latitude, longitude));
        Assert.Equal(built.BuiltAt, refresh.Index.BuiltAt);
        Assert.Same(refresh.Index, provider.Current);
    }

    [Fact]
    public async Task No_response_exceeds_the_feature_cap_however_large_the_view()
    {
        foreach (var zoom in new[] { 3, 10, 14, 18, 22 })
        {
            var map = await GetAsync($"/api/map/features?bbox=-180,-85,180,85&zoom={zoom}");

            Assert.True(map.Features <= GridSpatialIndex.DefaultMaxFeatures, $"zoom {zoom}: {map.Features} features");
            Assert.Equal(Sql("SELECT COUNT(*) FROM PRODUCTION.METER_INFRASTRUCTURE"), map.Layers["meters"].Assets);
        }
    }

    [Theory]
    [InlineData("zoom=10", "bbox")]
    [InlineData("bbox=1,2,3&zoom=10", "bbox")]
    [InlineData("bbox=a,b,c,d&zoom=10", "bbox")]
    [InlineData("bbox=-95,30,-96,29&zoom=10", "bbox")]
    [InlineData("bbox=-95,29,-94,95&zoom=10", "bbox")]
    [InlineData("bbox=-96,29,-95,30", "zoom")]
    [InlineData("bbox=-96,29,-95,30&zoom=-1", "zoom")]
    [InlineData("bbox=-96,29,-95,30&zoom=23", "zoom")]
    [InlineData("bbox=-96,29,-95,30&zoom=10.5", "zoom")]
    [InlineData("bbox=-96,29,-95,30&zoom=10&layers=meters,towers", "layers")]
    public async Task Bad_input_gets_a_400_with_problem_details(string query, string field)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri($"/api/map/features?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}");
    }

    [Fact]
    public async Task Search_finds_a_meter_and_a_customer_at_its_meter()
    {
        using var client = factory.CreateClient();
        var meter = Text("SELECT MAX(METER_ID) FROM PRODUCTION.METER_INFRASTRUCTURE");
        var customer = Text("SELECT MIN(CUSTOMER_ID) FROM PRODUCTION.CUSTOMERS_MASTER_DATA");
        var customerMeter = Text($"SELECT METER_ID FROM PRODUCTION.CUSTOMERS_MASTER_DATA WHERE CUSTOMER_ID = '{customer}'");

        var meterHits = await client.GetFromJsonAsync<MapSearchHit[]>(new Uri($"/api/map/search?q={meter}", UriKind.Relative), TestContext.Current.CancellationToken);
        var customerHits = await client.GetFromJsonAsync<MapSearchHit[]>(new Uri($"/api/map/search?q={customer.ToLowerInvariant()}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(meter, meterHits![0].AssetId);
        Assert.Equal("CUSTOMER", customerHits![0].AssetType);
        Assert.Equal(customerMeter, customerHits[0].MapAssetId);
    }

    [Fact]
    public async Task Empty_search_gets_a_400()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/map/search?q=%20", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/feeders/FDR-NOPE")]
    [InlineData("/substations/SUB-NOPE")]
    public async Task Unknown_id_shows_the_not_found_page(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no page or asset at this address", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<MapResponse> GetAsync(string path)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("index;dur=", response.Headers.GetValues("Server-Timing").Single(), StringComparison.Ordinal);
        return MapResponse.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private long Sql(string sql) => ViewQueries.Long(factory.DatabasePath, sql);

    private string Text(string sql) => Convert.ToString(ViewQueries.Scalar(factory.DatabasePath, sql), CultureInfo.InvariantCulture)!;

    private (double Latitude, double Longitude) Position(string sql)
    {
        var lat = ViewQueries.Double(factory.DatabasePath, sql.Replace("LATITUDE, LONGITUDE", "LATITUDE", StringComparison.Ordinal));
        var lon = ViewQueries.Double(factory.DatabasePath, sql.Replace("LATITUDE, LONGITUDE", "LONGITUDE", StringComparison.Ordinal));
        return (lat, lon);
    }
}
