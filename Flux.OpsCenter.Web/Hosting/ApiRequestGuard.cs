using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// Checks a request body on <c>/api</c> before any endpoint reads it: at most <see cref="MaxBodyBytes"/> (413), and JSON
/// in UTF-8 when there is one (415), each answered as problem details. A form or text body is what a foreign page can
/// send without a CORS preflight, so refusing it also keeps cross-site posts out of the API.
/// </summary>
public sealed class ApiRequestGuard(RequestDelegate next, IProblemDetailsService problems)
{
    /// <summary>The largest request body the API reads; the biggest real one (a cascade request) is a few hundred bytes.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The API reads request bodies of at most {MaxBodyBytes / 1024} KB.");
        }

        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || !string.IsNullOrEmpty(request.ContentType);
        if (hasBody && !IsUtf8Json(request.ContentType))
        {
            return RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "Request bodies must be JSON: Content-Type: application/json (charset utf-8 or none).");
        }

        return next(context);
    }

    /// <summary>application/json or any +json type, with no charset or UTF-8.</summary>
    public static bool IsUtf8Json(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        var charset = media.Charset.Value;
        return json && (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
