using System.Net;
using System.Net.Http.Headers;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Serves <see cref="FakeSqlApi"/> as the HttpClient's primary handler, in memory.</summary>
internal sealed class FakeSqlApiHandler(FakeSqlApi api) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var call = new FakeSqlApiCall(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query, headers, body);
        var answer = await api.HandleAsync(call, cancellationToken);
        var content = new ByteArrayContent(answer.Bytes());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (answer.Gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = content, RequestMessage = request };
    }
}
