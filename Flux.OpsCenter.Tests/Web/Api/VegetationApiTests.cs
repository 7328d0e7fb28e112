using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

public sealed class VegetationApiTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    private const string Territory = "-96.5,29.0,-94.5,31.0";

    [Fact]
    public async Task A_viewport_counts_every_band_and_sends_only_the_chosen_riskiest_first()
    {
        var high = Long("SELECT COUNT(*) FROM APPLICATIONS.VEGETATION_RISK_COMPUTED WHERE RISK_BAND = 'HIGH'");
        var medium = Long("SELECT COUNT(*) FROM APPLICATIONS.VEGETATION_RISK_COMPUTED WHERE RISK_BAND = 'MEDIUM'");

        var view = await GetAsync($"/api/vegetation/trees?bbox={Territory}&bands=high", HttpStatusCode.OK);

        Assert.Equal(high, view.GetProperty("counts").GetProperty("HIGH").GetInt32());
        Assert.Equal(medium, view.GetProperty("counts").GetProperty("MEDIUM").GetInt32());
        Assert.Equal(Math.Min(high, 3_000), view.GetProperty("id").GetArrayLength());
        Assert.All(view.GetProperty("band").EnumerateArray(), b => Assert.Equal(0, b.GetInt32()));
        var scores = view.GetProperty("score").EnumerateArray().Select(s => s.GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task A_tree_comes_with_its_line_section_and_the_assets_within_100_m()
    {
        var tree = (string)ViewQueries.Scalar(factory.DatabasePath,
            "SELECT TREE_ID FROM APPLICATIONS.VEGETATION_RISK_COMPUTED WHERE RISK_BAND = 'HIGH' ORDER BY RISK_SCORE DESC, TREE_ID LIMIT 1")!;
        var segment = (string)ViewQueries.Scalar(factory.DatabasePath, $"SELECT NEAREST_SEGMENT_ID FROM PRODUCTION.VEGETATION_INVENTORY WHERE TREE_ID = '{tree}'")!;

        var detail = await GetAsync($"/api/vegetation/trees/{tree}", HttpStatusCode.OK);

        Assert.Equal(tree, detail.GetProperty("tree").GetProperty("treeId").GetString());
        Assert.Equal(segment, detail.GetProperty("line").GetProperty("segmentId").GetString());
        var fallZone = detail.GetProperty("tree").GetProperty("fallZoneM").GetDouble();
        Assert.All(detail.GetProperty("assets").EnumerateArray(), a =>
        {
            Assert.InRange(a.GetProperty("distanceM").GetDouble(), 0, 100);
            Assert.Equal(a.GetProperty("distanceM").GetDouble() <= fallZone, a.GetProperty("inFallZone").GetBoolean());
        });
    }

    [Fact]
    public async Task Trees_near_a_tree_include_it_at_distance_zero()
    {
        var (tree, lat, lon) = ((string)ViewQueries.Scalar(factory.DatabasePath, "SELECT MIN(TREE_ID) FROM PRODUCTION.VEGETATION_INVENTORY")!, 0.0, 0.0);
        lat = ViewQueries.Double(factory.DatabasePath, $"SELECT LATITUDE FROM PRODUCTION.VEGETATION_INVENTORY WHERE TREE_ID = '{tree}'");
        lon = ViewQueries.Double(factory.DatabasePath, $"SELECT LONGITUDE FROM PRODUCTION.VEGETATION_INVENTORY WHERE TREE_ID = '{tree}'");

        var near = await GetAsync(FormattableString.Invariant($"/api/vegetation/near?lat={lat}&lon={lon}"), HttpStatusCode.OK);

        var self = near.EnumerateArray().Single(t => t.GetProperty("treeId").GetString() == tree);
        Assert.Equal(0, self.GetProperty("distanceM").GetDouble());
    }

    [Fact]
    public async Task The_work_list_exports_one_csv_row_per_feeder_with_trees()
    {
        using var client = factory.CreateClient();
        var feeders = Long("SELECT COUNT(DISTINCT NEAREST_CIRCUIT_ID) FROM APPLICATIONS.VEGETATION_RISK_COMPUTED");

        var csv = await client.GetStringAsync(new Uri("/api/export/vegetation/work-list.csv", UriKind.Relative), TestContext.Current.CancellationToken);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Feeder,Name,Substation,High,Medium,Low,In fall zone", lines[0], StringComparison.Ordinal);
        Assert.Equal(feeders, lines.Length - 1);
    }

    [Theory]
    [InlineData("/api/vegetation/trees?bbox=1,2,3", "bbox")]
    [InlineData("/api/vegetation/trees?bbox=-96,29,-95,30&bands=extreme", "bands")]
    [InlineData("/api/vegetation/near?lat=95&lon=0", "lat")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        var problem = await GetAsync(path, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task An_unknown_tree_is_a_404_problem()
    {
        await GetAsync("/api/vegetation/trees/TREE-X", HttpStatusCode.NotFound);
    }

    private async Task<JsonElement> GetAsync(string path, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private long Long(string sql) => ViewQueries.Long(factory.DatabasePath, sql);
}
