using System.Text.Json;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Web.Components.Map.Basemap;

namespace Flux.OpsCenter.Tests.Web.Components.Map;

public sealed class BuiltInBasemapTests
{
    private static readonly GeoBox Houston = new(-95.8, 29.5, -95.0, 30.1);

    [Fact]
    public void Cuts_land_and_the_counties_around_the_territory_from_us_atlas()
    {
        using var geoJson = JsonDocument.Parse(BuiltInBasemap.Build(Houston));
        var features = geoJson.RootElement.GetProperty("features").EnumerateArray().ToList();
        var counties = features.Where(f => f.GetProperty("properties").GetProperty("kind").GetString() == "county").ToList();

        Assert.Equal("land", features[0].GetProperty("properties").GetProperty("kind").GetString());
        Assert.Contains(counties, c => c.GetProperty("properties").GetProperty("name").GetString() == "Harris");
        Assert.Contains(counties, c => c.GetProperty("properties").GetProperty("name").GetString() == "Galveston");
        Assert.DoesNotContain(counties, c => c.GetProperty("properties").GetProperty("name").GetString() == "Dallas");
        Assert.InRange(counties.Count, 10, 60);
        // Decoded right, Harris County's outline holds downtown Houston and not Dallas.
        var harris = counties.Single(c => c.GetProperty("id").GetString() == "48201");
        var ring = harris.GetProperty("geometry").GetProperty("coordinates")[0][0].EnumerateArray()
            .Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() }).ToArray();
        Assert.True(TopoJsonShape.Contains(ring, -95.369, 29.760));
        Assert.False(TopoJsonShape.Contains(ring, -96.797, 32.777));
    }

    [Fact]
    public void Stays_small_enough_to_send_to_every_open_map()
    {
        Assert.InRange(BuiltInBasemap.Build(Houston).Length, 1_000, 200_000);
    }
}
