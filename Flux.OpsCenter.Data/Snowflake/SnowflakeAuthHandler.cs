using System.Net;
using System.Net.Http.Headers;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// Innermost handler, below the resilience pipeline, so it runs on every attempt: it sets a fresh bearer token,
/// marks a resubmitted statement with <c>retry=true</c> (same requestId, so Snowflake will not run it twice),
/// and after a 401 asks the token provider for a new token on the next attempt.
/// </summary>
public sealed class SnowflakeAuthHandler(ISnowflakeTokenProvider tokens) : DelegatingHandler
{
    public const string TokenTypeHeader = "X-Snowflake-Authorization-Token-Type";

    private static readonly HttpRequestOptionsKey<int> AttemptKey = new("Flux.Snowflake.Attempt");
    private static readonly HttpRequestOptionsKey<bool> RefreshKey = new("Flux.Snowflake.RefreshToken");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.TryGetValue(AttemptKey, out var attempt);
        request.Options.Set(AttemptKey, attempt + 1);
        if (attempt > 0 && IsStatementSubmission(request))
        {
            request.RequestUri = WithRetryFlag(request.RequestUri!);
        }

        request.Options.TryGetValue(RefreshKey, out var refresh);
        var token = await tokens.GetTokenAsync(refresh, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        request.Headers.Remove(TokenTypeHeader);
        request.Headers.Add(TokenTypeHeader, token.TokenType);

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        request.Options.Set(RefreshKey, response.StatusCode == HttpStatusCode.Unauthorized);
        return response;
    }

    private static bool IsStatementSubmission(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post
        && request.RequestUri is { } uri
        && uri.AbsolutePath.EndsWith("/api/v2/statements", StringComparison.Ordinal);

    private static Uri WithRetryFlag(Uri uri)
    {
        if (uri.Query.Contains("retry=true", StringComparison.Ordinal))
        {
            return uri;
        }

        var builder = new UriBuilder(uri);
        builder.Query = builder.Query.Length > 1 ? builder.Query[1..] + "&retry=true" : "retry=true";
        return builder.Uri;
    }
}
