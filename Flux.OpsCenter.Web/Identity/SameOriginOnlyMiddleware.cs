using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>
/// Refuses a browser's cross-origin connection to an endpoint marked <see cref="SameOriginOnlyMetadata"/> (the status
/// hub): a foreign page could otherwise skip negotiation, open the WebSocket with the user's cookies and read the grid.
/// Browsers always send Origin on WebSocket and cross-origin requests; clients without one are not browsers.
/// </summary>
public sealed class SameOriginOnlyMiddleware(RequestDelegate next, IOptionsMonitor<IdentityOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<SameOriginOnlyMetadata>() is null
            || context.Request.Headers.Origin.ToString() is not { Length: > 0 } origin
            || IsAllowed(origin, context.Request))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-origin connection refused.",
                Detail = $"Origin '{origin}' is neither this app's nor listed in {IdentityOptions.SectionName}:AllowedHubOrigins.",
            },
        });
    }

    // The ingress terminates TLS, so the scheme the app sees is not the browser's: compare host and port only.
    private bool IsAllowed(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || options.CurrentValue.AllowedHubOrigins.Any(allowed =>
                Uri.TryCreate(allowed, UriKind.Absolute, out var listed)
                && string.Equals(listed.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(listed.Authority, uri.Authority, StringComparison.OrdinalIgnoreCase));
    }
}
