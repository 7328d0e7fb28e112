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

    public int ProcessId => _process.Id;

    /// <summary>CPU time the app has used so far, across all its threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Where the Release build of the web app lands, relative to the repository root.</summary>
    public const string DefaultWebDll = "Flux.OpsCenter.Web/bin/Release/net10.0/linux-x64/Flux.OpsCenter.Web.dll";

    /// <summary>Starts the app and returns once /readyz answers (within <paramref name="readyTimeout"/>, default 3 minutes).</summary>
    public static async Task<WebAppProcess> StartAsync(string webDll, string databasePath, Uri baseAddress, IReadOnlyDictionary<string, string> settings,
        CancellationToken cancellationToken, TimeSpan? readyTimeout = null, IReadOnlyDictionary<string, string>? environment = null)
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
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

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
            await app.WaitUntilReadyAsync(readyTimeout ?? TimeSpan.FromMinutes(3), cancellationToken);
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

    /// <summary>Resident set size of the server process, in MiB.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
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

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The web app did not become ready within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>
    /// Stops the app as an operator's Ctrl+C or a container stop does (SIGTERM), so it shuts down cleanly and DuckDB
    /// checkpoints; killed only if it has not exited within 30 s.
    /// </summary>
    public async Task StopGracefullyAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
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
