using System.Diagnostics;
using System.Globalization;

namespace Flux.OpsCenter.Bench;

/// <summary>The Release build of the web app run as its own process on a territory file, as an operator would run it.</summary>
internal sealed class WebAppProcess : IDisposable
{
    public const string DefaultWebPath = "Flux.OpsCenter.Web/bin/Release/net10.0/linux-x64/Flux.OpsCenter.Web.dll";
    private readonly Process _process;

    private WebAppProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the app; <paramref name="echo"/> forwards its console (the generator's progress lines) to standard error.</summary>
    public static WebAppProcess Start(string web, string databasePath, string url, IEnumerable<string>? extraArguments = null,
        IReadOnlyDictionary<string, string>? environment = null, bool echo = true)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(web);
        start.ArgumentList.Add($"--urls={url}");
        start.ArgumentList.Add($"--OpsCenter:Embedded:DatabasePath={databasePath}");
        start.ArgumentList.Add("--OpsCenter:Map:TileUrl=none");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        foreach (var argument in extraArguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        // The build output serves package assets only in Development (a published app serves them in any environment).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.WorkingDirectory = Path.GetDirectoryName(web)!;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The web app did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (echo && e.Data is { Length: > 0 })
            {
                Console.Error.WriteLine($"[web] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new WebAppProcess(process, url);
    }

    /// <summary>Polls /readyz until it answers 200 (database open, territory ready).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
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
                if ((await client.GetAsync(new Uri($"{Url}/readyz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The web app did not become ready within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>Resident set size of the server process, in MiB.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
