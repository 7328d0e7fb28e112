namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Security headers on every response (OWASP ASVS V3.4): CSP, frame-ancestors, nosniff, referrer policy.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // Blazor needs 'unsafe-inline' styles for component libraries and a same-origin WebSocket; base-uri 'self' is the
    // documented deviation from ASVS's 'none' because Blazor resolves routes against <base href>.
    private const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'self'; " +
        "script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "connect-src 'self' ws: wss:; font-src 'self' data:";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "SAMEORIGIN";
        return next(context);
    }
}
