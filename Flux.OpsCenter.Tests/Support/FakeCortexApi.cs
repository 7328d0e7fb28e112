using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// Snowflake Cortex in memory, as the Cortex client's primary HTTP handler: threads (create, describe, rename,
/// delete), agent runs answered from a queue (an event stream, an HTTP status, or a stream that breaks off), and feedback.
/// </summary>
internal sealed class FakeCortexApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _runs = new();
    private int _nextThread = 1_000;

    public ConcurrentQueue<(string Method, string Path, string Body, string? Authorization)> Calls { get; } = new();

    /// <summary>Messages the describe-thread call returns (the Threads API's shape).</summary>
    public string ThreadMessages { get; set; } = """{"metadata":{"thread_id":1000},"messages":[]}""";

    public IReadOnlyList<(string Method, string Path, string Body, string? Authorization)> Runs =>
        [.. Calls.Where(c => c.Path.EndsWith(":run", StringComparison.Ordinal))];

    public FakeCortexApi ThenStream(string events, string requestId = "req-1") => Then(() =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(events, Encoding.UTF8, "text/event-stream") };
        response.Headers.Add("X-Snowflake-Request-Id", requestId);
        return response;
    });

    /// <summary>An answer whose connection breaks off after <paramref name="events"/>.</summary>
    public FakeCortexApi ThenBrokenStream(string events) => Then(() => new HttpResponseMessage(HttpStatusCode.OK)
    {
        Content = new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes(events))) { Headers = { ContentType = new MediaTypeHeaderValue("text/event-stream") } },
    });

    public FakeCortexApi ThenStatus(HttpStatusCode status, string body = """{"code":"390303","message":"Invalid OAuth access token."}""") =>
        Then(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    private FakeCortexApi Then(Func<HttpResponseMessage> response)
    {
        _runs.Enqueue(response);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Enqueue((request.Method.Method, path, body, request.Headers.Authorization?.ToString()));
        if (path.EndsWith(":run", StringComparison.Ordinal))
        {
            return _runs.TryDequeue(out var next) ? next() : Json(HttpStatusCode.InternalServerError, """{"message":"no answer queued"}""");
        }

        if (path.EndsWith(":feedback", StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.OK, """{"status":"Feedback submitted successfully"}""");
        }

        if (path == "/api/v2/cortex/threads" && request.Method == HttpMethod.Post)
        {
            return Json(HttpStatusCode.OK, JsonSerializer.Serialize(Interlocked.Increment(ref _nextThread).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (path.StartsWith("/api/v2/cortex/threads/", StringComparison.Ordinal))
        {
            return request.Method.Method switch
            {
                "GET" => Json(HttpStatusCode.OK, ThreadMessages),
                "DELETE" => Json(HttpStatusCode.OK, """{"success":true}"""),
                _ => Json(HttpStatusCode.OK, """{"status":"Thread successfully updated."}"""),
            };
        }

        return Json(HttpStatusCode.NotFound, """{"message":"unknown path"}""");
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>Reads out its bytes, then fails as a reset connection does.</summary>
    private sealed class BreakingStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= bytes.Length)
            {
                throw new IOException("The connection was reset by the peer.");
            }

            var n = Math.Min(count, bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
