using Flux.OpsCenter.Data;
using Microsoft.AspNetCore.Diagnostics;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// Turns what escapes an <c>/api</c> endpoint into problem details: a binding failure (<c>?limit=abc</c>, bad JSON) is the
/// 400 it is, an unreachable or failing data source a 503 that says so. Anything else stays a 500 without details.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    // Long enough for "Failed to bind parameter "int? limit" from "abc"."; a 100 KB value is not echoed back in full.
    private const int MaxDetailLength = 300;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Invalid request", bad.Message),
            FluxDataException data => (StatusCodes.Status503ServiceUnavailable, "The data source is unavailable", $"{data.Source} {data.Kind}: the query could not be answered; try again."),
            _ => (0, "", ""),
        };
        if (status == 0 || httpContext.Response.HasStarted || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        if (exception is FluxDataException failure)
        {
            Log.DataSourceFailed(logger, httpContext.Request.Path, failure.Source, failure.Kind, failure.Message);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail.Length > MaxDetailLength ? $"{detail[..MaxDetailLength]}…" : detail },
        });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "API request {Path} failed: {Source} {Kind}: {Reason}")]
        public static partial void DataSourceFailed(ILogger logger, string path, DataSourceKind source, DataErrorKind kind, string reason);
    }
}
