using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// Security headers on every response (OWASP ASVS V3.4): CSP, frame-ancestors, nosniff, referrer policy. Set when the
/// response starts, so error handlers that clear headers (the exception handler does) cannot drop them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<MapOptions> map)
{
    // Blazor needs 'unsafe-inline' styles for component libraries; base-uri 'self' is the documented deviation from ASVS's
    // 'none' because Blazor resolves routes against <base href>. Images come only from here (the built-in basemap is ours)
    // and the configured tile hosts, by name.
    // connect-src 'self' covers the circuit's and the hub's WebSockets to this host (CSP 3), never any ws: or wss: origin.
    private readonly string _contentSecurityPolicy =
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'; " +
        "script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        $"img-src {string.Join(' ', ["'self'", "data:", .. TileOrigins(map.Value)])}; " +
        "font-src 'self' data:; connect-src 'self';";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "SAMEORIGIN";
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The origins a tile URL template reaches, its <c>{s}</c> expanded to the subdomains the map uses (a–d).</summary>
    internal static IEnumerable<string> TileOrigins(MapOptions options)
    {
        if (!options.HasTiles)
        {
            return [];
        }

        var template = options.TileUrl.Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal)
            .Replace("{y}", "0", StringComparison.Ordinal).Replace("{r}", string.Empty, StringComparison.Ordinal);
        string[] subdomains = template.Contains("{s}", StringComparison.Ordinal) ? ["a", "b", "c", "d"] : [string.Empty];
        return subdomains
            .Select(s => Uri.TryCreate(template.Replace("{s}", s, StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
