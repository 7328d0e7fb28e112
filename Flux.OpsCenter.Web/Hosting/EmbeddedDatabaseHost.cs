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
    private DuckDbSource? _source;

    /// <summary>What the open file holds, once ready.</summary>
    public DatabaseInfo? Info { get; private set; }

    /// <summary>True once the file is open and its territory complete.</summary>
    public bool IsReady => _source is not null;

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(options.Value.DatabasePath, environment.ContentRootPath);

    /// <summary>Creates or validates the file once and returns the shared source.</summary>
    public DuckDbSource GetSource()
    {
        lock (_gate)
        {
            if (_source is not null)
            {
                return _source;
            }

            var path = DatabasePath;
            var exists = File.Exists(path) && !options.Value.Rebuild;
            if (!exists)
            {
                Log.Generating(logger, options.Value.Preset, path);
            }

            Info = EmbeddedDatabase.EnsureCreated(path, options.Value, exists ? null : ConsoleProgressBar.ForStandardError());
            _source = new DuckDbSource(path);
            Log.Ready(logger, path, Info.Preset, Info.DataAsOf);
            return _source;
        }
    }

    public void Dispose() => _source?.Dispose();

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Generating the {Preset} territory into {DatabasePath}")]
        public static partial void Generating(ILogger logger, string preset, string databasePath);

        [LoggerMessage(Level = LogLevel.Information, Message = "Embedded database {DatabasePath} ready: preset {Preset}, data as of {AsOf:u}")]
        public static partial void Ready(ILogger logger, string databasePath, string preset, DateTimeOffset asOf);
    }
}
