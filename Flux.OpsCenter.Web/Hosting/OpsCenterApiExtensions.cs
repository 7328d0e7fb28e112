using System.Globalization;
using System.Threading.RateLimiting;
using Flux.OpsCenter.Web.Api;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// How the JSON API behaves as an API (issue #15): its OpenAPI document and reference page, problem details for every
/// 4xx under <c>/api</c> (unknown routes and binding failures included), 413/415 before a body is read, rate limits on
/// expensive endpoints, and the snapshot-backed reads that keep hot endpoints off the database.
/// </summary>
public static class OpsCenterApiExtensions
{
    /// <summary>The OpenAPI document's path, as DESIGN.md §11 names it.</summary>
    public const string OpenApiPath = "/openapi/{documentName}.json";

    /// <summary>The browsable API reference page; Scalar's script comes from the package under <see cref="ScalarPath"/> (no CDN).</summary>
    public const string ReferencePath = "/api-reference";

    /// <summary>Where the Scalar package serves its bundle.</summary>
    public const string ScalarPath = "/scalar";

    // Scalar's own page starts its bundle with an inline script, which the CSP refuses; this one loads an external module.
    private const string ReferencePage = """
        <!doctype html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Flux Operations Center API</title>
        </head>
        <body>
            <div id="app"></div>
            <script src="/scalar/scalar.js"></script>
            <script type="module" src="/js/api-reference.js"></script>
        </body>
        </html>
        """;

    public static IServiceCollection AddOpsCenterApi(this IServiceCollection services)
    {
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Flux Operations Center API";
            document.Info.Description = "Read API, live status, reliability, exports, map and cascade of the Flux Operations Center. Every 4xx is problem details.";
            return Task.CompletedTask;
        }));
        // The antiforgery cookie is Secure whenever the request came over HTTPS (it is already HttpOnly and SameSite=Strict).
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures throw, so the handler can say which parameter was wrong instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddHealthChecks().AddCheck<DatabaseIntegrityCheck>("database-integrity", tags: ["ready"]);
        services.AddSingleton<CircuitStatusCache>();
        services.AddSingleton<LiveReads>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddConcurrencyLimiter(ApiRateLimits.Exports, Concurrency);
            options.AddConcurrencyLimiter(ApiRateLimits.Simulations, Concurrency);
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "1";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = string.Create(CultureInfo.InvariantCulture,
                            $"At most {ApiRateLimits.PermitLimit} of these run at once and {ApiRateLimits.QueueLimit} wait; try again shortly."),
                    },
                });
            };
        });
        return services;
    }

    /// <summary>
    /// The API's own middleware, inside the app's error pages so it answers first: problem details for errors and
    /// status codes under <c>/api</c>, the body guard and the rate limiter.
    /// </summary>
    public static WebApplication UseOpsCenterApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<GenerationProgressMiddleware>();
        app.UseWhen(context => IsApi(context.Request.Path), api =>
        {
            api.UseExceptionHandler();
            // An empty 4xx (unknown route, wrong method, a bare NotFound) becomes problem details, never the HTML page.
            api.UseStatusCodePages();
            api.UseMiddleware<ApiRequestGuard>();
        });
        app.UseRateLimiter();
        app.MapOpenApi(OpenApiPath);
        app.MapScalarApiReference(ScalarPath, options => options.WithTitle("Flux Operations Center API"));
        app.MapGet(ReferencePath, () => TypedResults.Content(ReferencePage, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(ScalarPath, () => TypedResults.Redirect(ReferencePath)).ExcludeFromDescription();
        // Anything else under /api is an unknown route: a 404 problem, whatever the method, not a page.
        app.Map("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API route"))
            .ExcludeFromDescription();
        return app;
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    private static void Concurrency(ConcurrencyLimiterOptions options)
    {
        options.PermitLimit = ApiRateLimits.PermitLimit;
        options.QueueLimit = ApiRateLimits.QueueLimit;
        options.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
    }
}
