using Flux.OpsCenter.Web.Components.Map;
using Flux.OpsCenter.Web.Live;

namespace Flux.OpsCenter.Tests.Web.Components.Map;

public sealed class MapMarkerTests
{
    private static CircuitState Circuit(string status, double? lat = 29.76, double? lon = -95.37) =>
        new("CKT-1", "Feeder 1", "SUB-1", "Heights", status, 400, status == "ENERGIZED" ? 0 : 120, 1, 55, 80, lat, lon);

    [Theory]
    [InlineData("OUTAGE", true)]
    [InlineData("PARTIAL", true)]
    [InlineData("ENERGIZED", false)]
    [InlineData("OVERLOADED", false)]
    public void Only_feeders_out_or_partly_out_get_a_ring(string status, bool ringed) =>
        Assert.Equal(ringed, MapMarker.IsAbnormalFeeder(Circuit(status)));

    [Fact]
    public void A_feeder_without_a_centroid_gets_no_ring() =>
        Assert.False(MapMarker.IsAbnormalFeeder(Circuit("OUTAGE", lat: null, lon: null)));

    [Fact]
    public void A_partial_feeder_is_a_tentative_ring_at_its_centroid_and_a_feeder_out_a_solid_one()
    {
        var partial = MapMarker.ForAbnormalFeeder(Circuit("PARTIAL"));
        var outage = MapMarker.ForAbnormalFeeder(Circuit("OUTAGE"));

        Assert.True(partial.Ring);
        Assert.True(partial.Tentative);
        Assert.False(outage.Tentative);
        Assert.Equal((29.76, -95.37), (outage.Latitude, outage.Longitude));
        Assert.Contains("120 of 400 customers out", outage.Label, StringComparison.Ordinal);
    }
}
