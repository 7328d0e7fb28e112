using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// A loopback stand-in for the SPCS public-endpoint ingress in front of the app: it forwards HTTP and WebSockets, names
/// the caller in <c>Sf-Context-Current-User</c> (dropping any copy the client sent), adds the baseline CSP Snowflake's
/// proxy adds, and cuts WebSockets that carried nothing for <see cref="IdleTimeout"/> (90 s in SPCS); until the first cut
/// it cuts them after that time whatever they carried, so a test sees the app survive a cut.
/// </summary>
internal sealed class SpcsIngressProxy : IAsyncDisposable
{
    /// <summary>The CSP the SPCS ingress adds to every response (Snowflake's service-network-communications page).</summary>
    public const string BaselineContentSecurityPolicy =
        "default-src 'self' 'unsafe-inline' 'unsafe-eval' blob: data:; object-src 'none'; connect-src 'self'; frame-ancestors 'self';";

    public const string UserHeader = "Sf-Context-Current-User";

    // Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", UserHeader,
    };

    private readonly WebApplication _proxy;
    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    });

    private int _idleCuts;

    private SpcsIngressProxy(WebApplication proxy, Uri backend, string user, TimeSpan idleTimeout)
    {
        _proxy = proxy;
        Backend = backend;
        User = user;
        IdleTimeout = idleTimeout;
    }

    public Uri Backend { get; }

    public string User { get; }

    /// <summary>How long a WebSocket may carry nothing before the cut; a test may lengthen it once it saw a cut.</summary>
    public TimeSpan IdleTimeout { get; set; }

    public Uri Address { get; private set; } = default!;

    /// <summary>WebSockets cut for being idle so far.</summary>
    public int IdleCuts => Volatile.Read(ref _idleCuts);

    /// <summary>Completes at the first idle cut, so a test can wait for one.</summary>
    public TaskCompletionSource FirstIdleCut { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<SpcsIngressProxy> StartAsync(Uri backend, string user, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new SpcsIngressProxy(app, backend, user, idleTimeout);
        app.UseWebSockets();
        app.Run(proxy.ForwardAsync);
        await app.StartAsync(cancellationToken);
        proxy.Address = new Uri(app.Urls.First() + "/");
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.StopAsync();
        await _proxy.DisposeAsync();
        _client.Dispose();
    }

    private Task ForwardAsync(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest ? ForwardWebSocketAsync(context) : ForwardHttpAsync(context);

    private async Task ForwardHttpAsync(HttpContext context)
    {
        var incoming = context.Request;
        using var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(Backend, incoming.Path + incoming.QueryString));
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            outgoing.Content = new StreamContent(incoming.Body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!outgoing.Headers.TryAddWithoutValidation(name, [.. values]))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, [.. values]);
            }
        }

        // The browser's host, as an ingress keeps it, so the app's same-origin checks see what the browser sees.
        outgoing.Headers.Host = incoming.Host.Value;
        outgoing.Headers.TryAddWithoutValidation(UserHeader, User);
        using var answer = await _client.SendAsync(outgoing, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers.Append(name, values.ToArray());
            }
        }

        context.Response.Headers.Append("Content-Security-Policy", BaselineContentSecurityPolicy);
        await using var body = await answer.Content.ReadAsStreamAsync(context.RequestAborted);
        // Copy as it arrives (long polling, server-sent events), not once the body is complete.
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private async Task ForwardWebSocketAsync(HttpContext context)
    {
        var incoming = context.Request;
        using var backend = new ClientWebSocket();
        backend.Options.CollectHttpResponseDetails = true;
        foreach (var (name, values) in incoming.Headers)
        {
            if (!HopByHop.Contains(name) && !name.StartsWith("Sec-WebSocket-", StringComparison.OrdinalIgnoreCase))
            {
                backend.Options.SetRequestHeader(name, values.ToString());
            }
        }

        backend.Options.SetRequestHeader(UserHeader, User);
        var target = new UriBuilder(new Uri(Backend, incoming.Path + incoming.QueryString)) { Scheme = "ws" }.Uri;
        try
        {
            await backend.ConnectAsync(target, context.RequestAborted);
        }
        catch (WebSocketException)
        {
            context.Response.StatusCode = backend.HttpStatusCode is 0 ? StatusCodes.Status502BadGateway : (int)backend.HttpStatusCode;
            return;
        }

        using var browser = await context.WebSockets.AcceptWebSocketAsync();
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        // Until the first cut, sockets are cut after the idle time whatever they carry: the app's own heartbeat (the
        // data-age badge renders every 2 s) keeps an ingress's idle clock from ever running out, yet a cut must be survived.
        var forced = !FirstIdleCut.Task.IsCompleted;
        idle.CancelAfter(IdleTimeout);
        var toBackend = PumpAsync(browser, backend, idle, forced);
        var toBrowser = PumpAsync(backend, browser, idle, forced);
        await Task.WhenAny(toBackend, toBrowser);
        if (idle.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            Interlocked.Increment(ref _idleCuts);
            FirstIdleCut.TrySetResult();
        }

        // Like the ingress: drop both sides without a closing handshake.
        browser.Abort();
        backend.Abort();
        await Task.WhenAll(toBackend, toBrowser);
    }

    // Every frame in either direction restarts the idle clock (unless the cut is forced); cancellation of the shared token is the cut.
    private async Task PumpAsync(WebSocket from, WebSocket to, CancellationTokenSource idle, bool forced)
    {
        var buffer = new byte[32 * 1024];
        try
        {
            while (true)
            {
                var received = await from.ReceiveAsync(buffer, idle.Token);
                if (!forced)
                {
                    idle.CancelAfter(IdleTimeout);
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await to.CloseOutputAsync(from.CloseStatus ?? WebSocketCloseStatus.NormalClosure, from.CloseStatusDescription, CancellationToken.None);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, idle.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The cut, or the other side went away: the caller aborts both.
        }
    }
}
