using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Synthetic;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// Owns the embedded DuckDB file for the process: creates it (generating the territory with a console
/// progress bar) or validates it, then opens the one shared <see cref="DuckDbSource"/>.
/// </summary>
public sealed partial class EmbeddedDatabaseHost(IOptions<EmbeddedOptions> options, IHostEnvironment environment, ILogger<EmbeddedDatabaseHost> logger)
    : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<DuckDbSource> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DuckDbSource? _source;
    private int _started;

    /// <summary>What the open file holds, once ready.</summary>
    public DatabaseInfo? Info { get; private set; }

    /// <summary>True once the file is open and its territory complete.</summary>
    public bool IsReady => _source is not null;

    /// <summary>The generator's latest step while the territory is being generated, or null when nothing is generating.</summary>
    public GenerationProgress? Progress { get; private set; }

    /// <summary>True when the file still has to be generated (missing, or a rebuild was asked for).</summary>
    public bool NeedsGeneration => options.Value.Rebuild || !File.Exists(DatabasePath);

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(options.Value.DatabasePath, environment.ContentRootPath);

    /// <summary>Starts creating or validating the file on the thread pool, once; <see cref="GetSourceAsync"/> waits for it.</summary>
    public Task StartAsync()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(() =>
            {
                try
                {
                    GetSource();
                }
                catch (Exception ex) when (ex is FluxDataException or IOException or UnauthorizedAccessException)
                {
                    // GetSource has handed the failure to everyone waiting on _ready.
                }
            });
        }

        return _ready.Task;
    }

    /// <summary>The shared source, waiting (without holding a thread) while the file is being generated.</summary>
    public async ValueTask<DuckDbSource> GetSourceAsync(CancellationToken cancellationToken)
    {
        if (_source is { } source)
        {
            return source;
        }

        await StartAsync().WaitAsync(cancellationToken);
        return _source!;
    }

    /// <summary>Creates or validates the file once and returns the shared source.</summary>
    public DuckDbSource GetSource()
    {
        lock (_gate)
        {
            if (_source is not null)
            {
                return _source;
            }

            try
            {
                _source = Open();
                _ready.TrySetResult(_source);
                return _source;
            }
            catch (Exception ex)
            {
                // Everyone waiting for the file hears why it could not be opened; the caller still sees the exception.
                _ready.TrySetException(ex);
                throw;
            }
        }
    }

    private DuckDbSource Open()
    {
        var path = DatabasePath;
        var exists = File.Exists(path) && !options.Value.Rebuild;
        if (!exists)
        {
            Log.Generating(logger, options.Value.Preset, path);
        }

        Info = EmbeddedDatabase.EnsureCreated(path, options.Value, exists ? null : new ProgressTee(this, ConsoleProgressBar.ForStandardError()));
        Progress = null;
        var source = new DuckDbSource(path);
        Log.Ready(logger, path, Info.Preset, Info.DataAsOf);
        return source;
    }

    public void Dispose() => _source?.Dispose();

    /// <summary>Shows generation on the console and keeps the latest step for the progress page.</summary>
    private sealed class ProgressTee(EmbeddedDatabaseHost host, IProgress<GenerationProgress> console) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value)
        {
            host.Progress = value;
            console.Report(value);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Generating the {Preset} territory into {DatabasePath}")]
        public static partial void Generating(ILogger logger, string preset, string databasePath);

        [LoggerMessage(Level = LogLevel.Information, Message = "Embedded database {DatabasePath} ready: preset {Preset}, data as of {AsOf:u}")]
        public static partial void Ready(ILogger logger, string databasePath, string preset, DateTimeOffset asOf);
    }
}
