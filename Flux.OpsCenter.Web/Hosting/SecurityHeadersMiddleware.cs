using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// Security headers on every response (OWASP ASVS V3.4): CSP, frame-ancestors, nosniff, referrer policy. Set when the
/// response starts, so error handlers that clear headers (the exception handler does) cannot drop them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<MapOptions> map)
{
    // Blazor needs 'unsafe-inline' styles for component libraries; base-uri 'self' is the documented deviation from ASVS's
    // 'none' because Blazor resolves routes against <base href>. Images: this app plus the configured basemap's tile host.
    private readonly string _policyStart =
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'; " +
        $"script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{TileSource(map.Value)}; font-src 'self' data:; connect-src 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // The circuit's and the hub's WebSockets go to this host only, never to any ws: or wss: origin.
            var host = context.Request.Host.Value;
            headers.ContentSecurityPolicy = string.IsNullOrEmpty(host) ? _policyStart : $"{_policyStart} ws://{host} wss://{host}";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "SAMEORIGIN";
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The tile template's origin as a CSP source (<c>{s}</c> subdomains as a wildcard), or nothing without tiles.</summary>
    public static string TileSource(MapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.HasTiles)
        {
            return "";
        }

        var template = options.TileUrl.Trim();
        var wildcard = template.Contains("://{s}.", StringComparison.Ordinal);
        if (!Uri.TryCreate(template.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return "";
        }

        var host = wildcard ? $"*.{url.Host[(url.Host.IndexOf('.', StringComparison.Ordinal) + 1)..]}" : url.Host;
        return url.IsDefaultPort ? $" {url.Scheme}://{host}" : $" {url.Scheme}://{host}:{url.Port}";
    }
}
