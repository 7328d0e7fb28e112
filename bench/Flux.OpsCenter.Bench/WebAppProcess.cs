using System.Diagnostics;

namespace Flux.OpsCenter.Bench;

/// <summary>
/// The Release build of Flux.OpsCenter.Web as its own process on a territory file, as an operator would run it:
/// started with extra settings, ready once <c>/readyz</c> answers, killed with its process tree when disposed.
/// </summary>
internal sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private WebAppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>CPU time the app has used so far, across all its threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<WebAppProcess> StartAsync(string webDll, string databasePath, Uri baseAddress, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add($"--urls={baseAddress.GetLeftPart(UriPartial.Authority)}");
        start.ArgumentList.Add($"--OpsCenter:Embedded:DatabasePath={databasePath}");
        start.ArgumentList.Add("--OpsCenter:Map:TileUrl=none");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        // The build output serves package assets only in Development (a published app serves them in any environment).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.WorkingDirectory = Path.GetDirectoryName(webDll)!;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                Console.Error.WriteLine($"[web] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new WebAppProcess(process, baseAddress);
        try
        {
            await app.WaitUntilReadyAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits until the app's own background work after start (map index, cascade precompute) has died down: less than
    /// a fifth of a core over two seconds, or <paramref name="limit"/> passed. Returns how long it waited.
    /// </summary>
    public async Task<TimeSpan> WaitUntilIdleAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var window = TimeSpan.FromSeconds(2);
        while (clock.Elapsed < limit)
        {
            var before = ProcessorTime;
            await Task.Delay(window, cancellationToken);
            if ((ProcessorTime - before) < window * 0.2)
            {
                break;
            }
        }

        return clock.Elapsed;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await client.GetAsync(new Uri(BaseAddress, "/readyz"), cancellationToken)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException("The web app did not become ready within 3 minutes.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
