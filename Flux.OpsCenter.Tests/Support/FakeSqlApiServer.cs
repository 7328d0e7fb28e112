using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Serves <see cref="FakeSqlApi"/> over real HTTP on a loopback port, for the app to use as its Snowflake endpoint.</summary>
internal sealed class FakeSqlApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSqlApiServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<FakeSqlApiServer> StartAsync(FakeSqlApi api, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var call = new FakeSqlApiCall(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? string.Empty, headers, body);
            var answer = await api.HandleAsync(call, context.RequestAborted);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            if (answer.Gzip)
            {
                context.Response.Headers.ContentEncoding = "gzip";
            }

            await context.Response.Body.WriteAsync(answer.Bytes(), context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        return new FakeSqlApiServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
