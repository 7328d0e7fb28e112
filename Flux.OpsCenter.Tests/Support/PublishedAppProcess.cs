using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// The published app started the way the image's ENTRYPOINT starts it (<c>dotnet Flux.OpsCenter.Web.dll</c> in the
/// publish folder, Production), on a free loopback port, with the environment a test gives it. Disposing kills it.
/// </summary>
internal sealed class PublishedAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PublishedAppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the app printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static PublishedAppProcess Start(string publishFolder, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("Flux.OpsCenter.Web.dll");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new PublishedAppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, line) => app.Record(line.Data);
        process.ErrorDataReceived += (_, line) => app.Record(line.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => app._started.TrySetException(new InvalidOperationException($"The app exited with {process.ExitCode}:\n{app.Log}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Completes when the host has started (it logs "Application started"), fails if the process exits first.</summary>
    public Task WaitStartedAsync(TimeSpan limit) => _started.Task.WaitAsync(limit);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
