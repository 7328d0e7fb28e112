using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// Runs query files against Snowflake through SQL API v2: one POST per statement with positional bindings and a
/// requestId, polling while Snowflake answers 202, then every result partition decoded into <see cref="ISqlRow"/>s.
/// Retries, timeouts per attempt and the circuit breaker live in the HttpClient pipeline (see
/// <see cref="SnowflakeServiceCollectionExtensions"/>); this class maps what is left to <see cref="FluxDataException"/>.
/// </summary>
public sealed partial class SnowflakeSqlSource(
    IHttpClientFactory httpClients,
    IOptions<SnowflakeOptions> options,
    TimeProvider time,
    ILogger<SnowflakeSqlSource> logger) : ISqlSource
{
    /// <summary>Name of the HttpClient that carries the resilience pipeline and the auth handler.</summary>
    public const string HttpClientName = "Flux.Snowflake";

    /// <summary>Sent on every request; the SQL API requires a User-Agent.</summary>
    public static readonly string UserAgent =
        $"FluxOpsCenter/{typeof(SnowflakeSqlSource).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0"}";

    private const string StatementsPath = "api/v2/statements";
    private static readonly TimeSpan CancelTimeout = TimeSpan.FromSeconds(10);

    public DataSourceKind Kind => DataSourceKind.Snowflake;

    public async Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(map);
        var result = await RunAsync(request, cancellationToken).ConfigureAwait(false);
        var columns = result.ResultSetMetaData?.RowType
            ?? throw Failure(DataErrorKind.Mapping, $"Query '{request.Name}' returned no column metadata.");
        var row = new SnowflakeRow(columns);
        var records = new List<T>(result.Data?.Count ?? 0);
        foreach (var cells in result.Data ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            row.Cells = cells;
            records.Add(map(row));
        }

        return records;
    }

    public async Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RowsChanged(await RunAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// One multi-statement request, <c>BEGIN TRANSACTION; …; COMMIT</c> with MULTI_STATEMENT_COUNT (SQL API "Submitting
    /// multiple SQL statements in a single request": explicit transactions are allowed only there), so Snowflake commits
    /// all of them or none; each statement's row count is then read from its own handle. The bindings of every
    /// statement are sent in order, numbered across the whole text.
    /// </summary>
    public async Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 1)
        {
            return [await ExecuteAsync(requests[0], cancellationToken).ConfigureAwait(false)];
        }

        // The SQL API binds no variables inside a multi-statement request ("Submitting multiple SQL statements in a single
        // request"): bound batches run statement by statement, in order, and are written to be idempotent and completed by
        // running them again; only literal-free batches get one BEGIN…COMMIT transaction.
        if (requests.Any(r => r.Arguments.Count > 0))
        {
            var counts = new List<long>(requests.Count);
            foreach (var request in requests)
            {
                counts.Add(await ExecuteAsync(request, cancellationToken).ConfigureAwait(false));
            }

            return counts;
        }

        var batch = new SqlRequest(
            string.Join("+", requests.Select(r => r.Name)),
            $"BEGIN TRANSACTION;\n{string.Join(";\n", requests.Select(r => r.Text.TrimEnd().TrimEnd(';')))};\nCOMMIT",
            [.. requests.SelectMany(r => r.Arguments)],
            TimeSpan.FromTicks(requests.Sum(r => r.Timeout.Ticks)));
        var result = await RunAsync(batch, cancellationToken, statementCount: requests.Count + 2).ConfigureAwait(false);
        var handles = result.StatementHandles;
        if (handles is null || handles.Count != requests.Count + 2)
        {
            throw Failure(DataErrorKind.Mapping, $"Batch '{batch.Name}': Snowflake answered {handles?.Count ?? 0} statement handles for {requests.Count + 2} statements.");
        }

        var client = httpClients.CreateClient(HttpClientName);
        var changed = new List<long>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            using var get = NewRequest(HttpMethod.Get, $"{StatementsPath}/{Uri.EscapeDataString(handles[i + 1])}");
            var statement = await SendAsync(client, get, requests[i], cancellationToken).ConfigureAwait(false);
            changed.Add(RowsChanged(statement));
        }

        return changed;
    }

    private static long RowsChanged(SqlApiResponse result) =>
        result.Stats is { } stats ? stats.NumRowsInserted + stats.NumRowsUpdated + stats.NumRowsDeleted : result.ResultSetMetaData?.NumRows ?? 0;

    private async Task<SqlApiResponse> RunAsync(SqlRequest request, CancellationToken cancellationToken, int statementCount = 1)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.Value;
        var body = new SqlApiStatement(
            request.Text,
            (int)Math.Ceiling(request.Timeout.TotalSeconds),
            settings.Database,
            NullIfBlank(settings.Schema),
            NullIfBlank(settings.Warehouse),
            NullIfBlank(settings.Role),
            Bind(request),
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["timezone"] = "UTC",
                ["query_tag"] = $"flux-ops-center:{request.Name}",
                ["multi_statement_count"] = statementCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });

        using var timeout = new CancellationTokenSource(request.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var client = httpClients.CreateClient(HttpClientName);
        var clock = Stopwatch.StartNew();
        string? handle = null;
        try
        {
            var requestId = Guid.NewGuid();
            using var post = NewRequest(HttpMethod.Post, $"{StatementsPath}?requestId={requestId:D}");
            post.Content = JsonContent.Create(body, options: SqlApiJson.Options);
            var response = await SendAsync(client, post, request, linked.Token).ConfigureAwait(false);
            handle = response.StatementHandle;
            while (response.ResultSetMetaData is null)
            {
                handle = response.StatementHandle ?? throw Failure(DataErrorKind.Mapping, $"Query '{request.Name}': Snowflake accepted the statement without a handle.");
                await Task.Delay(settings.PollInterval, time, linked.Token).ConfigureAwait(false);
                using var poll = NewRequest(HttpMethod.Get, $"{StatementsPath}/{Uri.EscapeDataString(handle)}");
                response = await SendAsync(client, poll, request, linked.Token).ConfigureAwait(false);
            }

            handle ??= response.StatementHandle;
            var rows = response.Data ?? [];
            var partitions = response.ResultSetMetaData.PartitionInfo?.Count ?? 1;
            for (var partition = 1; partition < partitions; partition++)
            {
                using var get = NewRequest(HttpMethod.Get, $"{StatementsPath}/{Uri.EscapeDataString(handle!)}?partition={partition}");
                var part = await SendAsync(client, get, request, linked.Token).ConfigureAwait(false);
                rows.AddRange(part.Data ?? []);
            }

            if (rows.Count != response.ResultSetMetaData.NumRows)
            {
                throw Failure(DataErrorKind.Mapping, $"Query '{request.Name}': {partitions} partition(s) held {rows.Count} rows, Snowflake announced {response.ResultSetMetaData.NumRows}.");
            }

            LogCompleted(logger, request.Name, clock.ElapsedMilliseconds, rows.Count, partitions);
            return response with { Data = rows };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CancelOnServerAsync(client, handle, request.Name).ConfigureAwait(false);
            throw;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            await CancelOnServerAsync(client, handle, request.Name).ConfigureAwait(false);
            throw Failure(DataErrorKind.Timeout, $"Query '{request.Name}' exceeded {request.Timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Failure(DataErrorKind.Timeout, $"Query '{request.Name}': Snowflake did not answer within {settings.RequestTimeout.TotalSeconds:0.#} s, {settings.MaxRetryAttempts + 1} attempt(s).", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw Failure(DataErrorKind.Unavailable, $"Query '{request.Name}' not sent: too many recent Snowflake failures, the circuit is open.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw Failure(DataErrorKind.Unavailable, $"Query '{request.Name}': cannot reach Snowflake ({ex.Message}).", ex);
        }
        catch (JsonException ex)
        {
            throw Failure(DataErrorKind.Mapping, $"Query '{request.Name}': Snowflake's answer is not the SQL API JSON expected ({ex.Message}).", ex);
        }
    }

    private static Dictionary<string, SqlApiBinding>? Bind(SqlRequest request)
    {
        try
        {
            return SnowflakeBindings.From(request.Arguments);
        }
        catch (ArgumentException ex)
        {
            throw Failure(DataErrorKind.Query, $"Query '{request.Name}': {ex.Message}", ex);
        }
    }

    private static HttpRequestMessage NewRequest(HttpMethod method, string relativeUri)
    {
        var message = new HttpRequestMessage(method, new Uri(relativeUri, UriKind.Relative));
        message.Headers.UserAgent.ParseAdd(UserAgent);
        message.Headers.Accept.ParseAdd("application/json");
        message.Headers.AcceptEncoding.ParseAdd("gzip");
        return message;
    }

    private static async Task<SqlApiResponse> SendAsync(HttpClient client, HttpRequestMessage message, SqlRequest request, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        var payload = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return status switch
        {
            HttpStatusCode.OK or HttpStatusCode.Accepted => payload ?? throw Failure(DataErrorKind.Mapping, $"Query '{request.Name}': Snowflake answered {(int)status} with an empty body."),
            (HttpStatusCode)422 => throw Failure(DataErrorKind.Query, $"Query '{request.Name}' failed in Snowflake: {Describe(payload)}."),
            HttpStatusCode.BadRequest => throw Failure(DataErrorKind.Query, $"Query '{request.Name}' was rejected by Snowflake as an invalid request: {Describe(payload)}."),
            HttpStatusCode.RequestTimeout => throw Failure(DataErrorKind.Timeout, $"Query '{request.Name}' exceeded its Snowflake timeout and was cancelled: {Describe(payload)}."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => throw Failure(DataErrorKind.Unavailable, $"Snowflake refused the credentials ({(int)status}) for query '{request.Name}': {Describe(payload)}."),
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout =>
                throw Failure(DataErrorKind.Unavailable, $"Snowflake still answered {(int)status} after retries for query '{request.Name}'."),
            _ => throw Failure(DataErrorKind.Unavailable, $"Snowflake answered {(int)status} for query '{request.Name}': {Describe(payload)}."),
        };
    }

    // The client asks for gzip but decodes it itself, so partitions read the same through any primary handler.
    private static async Task<SqlApiResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var gzip = response.Content.Headers.ContentEncoding.Contains("gzip", StringComparer.OrdinalIgnoreCase);
            var body = gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            await using (body.ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode && response.Content.Headers.ContentLength == 0)
                {
                    return null;
                }

                try
                {
                    return await JsonSerializer.DeserializeAsync<SqlApiResponse>(body, SqlApiJson.Options, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException) when (!response.IsSuccessStatusCode)
                {
                    // Error pages from proxies are not JSON; the status code alone says what happened.
                    return null;
                }
            }
        }
    }

    private async Task CancelOnServerAsync(HttpClient client, string? handle, string queryName)
    {
        if (handle is null)
        {
            return;
        }

        try
        {
            using var limit = new CancellationTokenSource(CancelTimeout, time);
            using var cancel = NewRequest(HttpMethod.Post, $"{StatementsPath}/{Uri.EscapeDataString(handle)}/cancel");
            using var response = await client.SendAsync(cancel, limit.Token).ConfigureAwait(false);
            LogCancelled(logger, queryName, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or FluxDataException or BrokenCircuitException or TimeoutRejectedException)
        {
            LogCancelFailed(logger, queryName, ex.GetType().Name);
        }
    }

    private static string Describe(SqlApiResponse? payload) =>
        payload is null ? "no details" : $"{payload.Code} {payload.SqlState} {payload.Message}".Trim();

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static FluxDataException Failure(DataErrorKind kind, string message, Exception? inner = null) =>
        new(DataSourceKind.Snowflake, kind, message, inner);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Snowflake query {QueryName} returned {RowCount} rows in {PartitionCount} partition(s) after {ElapsedMs} ms")]
    private static partial void LogCompleted(ILogger logger, string queryName, long elapsedMs, int rowCount, int partitionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snowflake query {QueryName} cancelled on the server (status {StatusCode})")]
    private static partial void LogCancelled(ILogger logger, string queryName, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snowflake query {QueryName} could not be cancelled on the server ({Reason})")]
    private static partial void LogCancelFailed(ILogger logger, string queryName, string reason);
}
