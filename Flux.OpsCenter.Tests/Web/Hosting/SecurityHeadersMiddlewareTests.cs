using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Hosting;

namespace Flux.OpsCenter.Tests.Web.Hosting;

public sealed class SecurityHeadersMiddlewareTests(OpsCenterAppFactory factory) : IClassFixture<OpsCenterAppFactory>
{
    [Fact]
    public void Tile_hosts_are_named_one_by_one_never_by_wildcard()
    {
        Assert.Equal(
            ["https://a.basemaps.cartocdn.com", "https://b.basemaps.cartocdn.com", "https://c.basemaps.cartocdn.com", "https://d.basemaps.cartocdn.com"],
            SecurityHeadersMiddleware.TileOrigins(new MapOptions()));
        Assert.Equal(["https://tiles.example.org:8443"], SecurityHeadersMiddleware.TileOrigins(new MapOptions { TileUrl = "https://tiles.example.org:8443/{z}/{x}/{y}.png" }));
        Assert.Empty(SecurityHeadersMiddleware.TileOrigins(new MapOptions { TileUrl = "none" }));
    }

    [Fact]
    public async Task Images_and_connections_are_limited_to_this_origin_and_the_tile_hosts()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("img-src 'self' data: https://a.basemaps.cartocdn.com https://b.basemaps.cartocdn.com https://c.basemaps.cartocdn.com https://d.basemaps.cartocdn.com;", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(" https:;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("ws:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", policy, StringComparison.Ordinal);
    }
}
