using System.Globalization;
using System.Net;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// While the embedded territory is generated on first start, answers every request but <c>/healthz</c> with the
/// generation's progress: a page that refreshes itself every two seconds until the app is there, and a 503 (problem
/// details for <c>/api</c>) with Retry-After, so nobody meets a refused connection or a request that hangs.
/// </summary>
public sealed class GenerationProgressMiddleware(RequestDelegate next, IServiceProvider services, IProblemDetailsService problems)
{
    private readonly EmbeddedDatabaseHost? _host = services.GetService<EmbeddedDatabaseHost>();

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_host is null || _host.IsReady || context.Request.Path.StartsWithSegments("/healthz"))
        {
            return next(context);
        }

        return RespondAsync(context, _host);
    }

    private async Task RespondAsync(HttpContext context, EmbeddedDatabaseHost host)
    {
        var progress = host.Progress;
        var percent = (progress?.Fraction ?? 0).ToString("P0", CultureInfo.InvariantCulture);
        var stage = progress?.Stage ?? "Opening the database";
        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = "2";
        response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/readyz"))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The territory is being generated",
                    Detail = $"First start: generating the territory, {percent} ({stage}). Try again shortly.",
                },
            });
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($$"""
            <!doctype html>
            <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta http-equiv="refresh" content="2" />
                <title>Flux Operations Center: generating the territory</title>
                <style>
                    body { background: #10151c; color: #e6edf3; font: 18px system-ui, sans-serif; display: grid; place-items: center; min-height: 90vh; }
                    progress { width: 28rem; height: 1.2rem; }
                </style>
            </head>
            <body>
                <main>
                    <h1>Flux Operations Center</h1>
                    <p>First start: generating the territory. This page opens the app when it is ready.</p>
                    <progress max="1" value="{{(progress?.Fraction ?? 0).ToString("0.000", CultureInfo.InvariantCulture)}}" aria-label="Generation progress"></progress>
                    <p data-testid="generation-progress">{{percent}} · {{WebUtility.HtmlEncode(stage)}}</p>
                </main>
            </body>
            </html>
            """, context.RequestAborted);
    }
}
