using System.Data.Common;
using DuckDB.NET.Data;

namespace Flux.OpsCenter.Data.Embedded;

/// <summary>
/// Runs query files against the embedded DuckDB file. DuckDB.NET is synchronous, so each call runs on the
/// thread pool with its own connection to the one shared database instance; the token interrupts the query.
/// </summary>
public sealed class DuckDbSource : ISqlSource, IDisposable
{
    private readonly string _connectionString;
    private readonly DuckDBConnection _keepAlive;

    // DuckDB calls block a pool thread each; bounding how many run at once (the rest wait without a thread) keeps a burst
    // of queries from starving the thread pool, so /healthz and the circuits keep answering.
    private readonly SemaphoreSlim _running = new(Math.Max(4, Environment.ProcessorCount * 2));

    /// <summary>Opens the database file and keeps one connection for the life of the source.</summary>
    public DuckDbSource(string databasePath)
    {
        DatabasePath = databasePath;
        _connectionString = $"DataSource={databasePath}";
        try
        {
            // DuckDB.NET shares one database instance per file while any connection to it is open.
            _keepAlive = new DuckDBConnection(_connectionString);
            _keepAlive.Open();
        }
        catch (DuckDBException ex)
        {
            throw new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Unavailable, $"Cannot open the embedded database '{databasePath}': {ex.Message}", ex);
        }
    }

    public DataSourceKind Kind => DataSourceKind.Embedded;

    /// <summary>The DuckDB file this source reads.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// What DuckDB said when a query first met a damaged block (a checksum that does not match), or null while none has:
    /// such a file opens and answers some queries, so readiness must hear of it.
    /// </summary>
    public string? Damage { get; private set; }

    public Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(map);
        return RunAsync(request, command =>
        {
            using var reader = command.ExecuteReader();
            var row = new DbDataRow(reader, DataSourceKind.Embedded);
            var results = new List<T>();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(map(row));
            }

            return (IReadOnlyList<T>)results;
        }, cancellationToken);
    }

    public Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(request, command => (long)command.ExecuteNonQuery(), cancellationToken);
    }

    public Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        cancellationToken.ThrowIfCancellationRequested();
        return GatedAsync(() =>
        {
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction();
            var changed = new List<long>(requests.Count);
            foreach (var request in requests)
            {
                using var command = Prepare(connection, request);
                command.Transaction = transaction;
                changed.Add(Execute(command, request, c => (long)c.ExecuteNonQuery(), cancellationToken));
            }

            // Disposing the transaction uncommitted (any statement threw) rolls all of them back.
            try
            {
                transaction.Commit();
            }
            catch (DuckDBException ex)
            {
                throw new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Query, $"Committing '{string.Join(" + ", requests.Select(r => r.Name))}' failed: {ex.Message}", ex);
            }

            return (IReadOnlyList<long>)changed;
        }, cancellationToken);
    }

    private async Task<TResult> GatedAsync<TResult>(Func<TResult> run, CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(run, cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Opens a new connection to the shared database, for writers such as the generator.</summary>
    public DuckDBConnection OpenConnection()
    {
        var connection = new DuckDBConnection(_connectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        _keepAlive.Dispose();
        _running.Dispose();
    }

    private Task<TResult> RunAsync<TResult>(SqlRequest request, Func<DbCommand, TResult> run, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return GatedAsync(() =>
        {
            using var connection = OpenConnection();
            using var command = Prepare(connection, request);
            return Execute(command, request, run, cancellationToken);
        }, cancellationToken);
    }

    private static DuckDBCommand Prepare(DuckDBConnection connection, SqlRequest request)
    {
        var command = connection.CreateCommand();
        command.CommandText = request.Text;
        foreach (var argument in request.Arguments)
        {
            command.Parameters.Add(new DuckDBParameter(ToDuckDbValue(argument) ?? DBNull.Value));
        }

        return command;
    }

    /// <summary>Runs one prepared command with its timeout and the caller's token, mapping DuckDB's failures.</summary>
    private TResult Execute<TResult>(DbCommand command, SqlRequest request, Func<DbCommand, TResult> run, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(request.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var registration = linked.Token.Register(command.Cancel);
        try
        {
            return run(command);
        }
        catch (DuckDBException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (DuckDBException ex) when (timeout.IsCancellationRequested)
        {
            throw new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Timeout, $"Query '{request.Name}' exceeded {request.Timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (Exception ex) when (ex is DuckDBException or InvalidOperationException)
        {
            if (ex.Message.Contains("Corrupt database file", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("checksum", StringComparison.OrdinalIgnoreCase))
            {
                Damage ??= $"Query '{request.Name}': {ex.Message}";
            }

            throw new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Query, $"Query '{request.Name}' failed: {ex.Message}", ex);
        }
    }

    // Timestamps are stored as UTC without zone; DuckDB wants a DateTime for TIMESTAMP parameters.
    private static object? ToDuckDbValue(object? argument) => argument switch
    {
        DateTimeOffset dto => dto.UtcDateTime,
        _ => argument,
    };
}
