using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// A local stand-in for Snowflake's SQL API v2: records every call and answers with canned protocol responses,
/// scripted ones first (in order), then <see cref="Default"/>. Served through <see cref="FakeSqlApiHandler"/> or <see cref="FakeSqlApiServer"/>.
/// </summary>
internal sealed class FakeSqlApi
{
    private readonly ConcurrentQueue<Func<FakeSqlApiCall, FakeSqlApiResponse>> _script = new();

    /// <summary>Every call received, in order.</summary>
    public ConcurrentQueue<FakeSqlApiCall> Calls { get; } = new();

    /// <summary>The answer when nothing is scripted: an empty result set.</summary>
    public Func<FakeSqlApiCall, FakeSqlApiResponse> Default { get; set; } = _ => ResultSet([], []);

    /// <summary>Completes when a call arrives, for tests that must act mid-statement.</summary>
    public TaskCompletionSource<FakeSqlApiCall> FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeSqlApi Then(FakeSqlApiResponse response) => Then(_ => response);

    public FakeSqlApi Then(Func<FakeSqlApiCall, FakeSqlApiResponse> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public IReadOnlyList<FakeSqlApiCall> Submissions => [.. Calls.Where(c => c.Method == "POST" && c.Path == "/api/v2/statements")];

    public async Task<FakeSqlApiResponse> HandleAsync(FakeSqlApiCall call, CancellationToken cancellationToken)
    {
        Calls.Enqueue(call);
        FirstCall.TrySetResult(call);
        var response = _script.TryDequeue(out var scripted) ? scripted(call) : Default(call);
        if (response.NeverAnswers)
        {
            // A warehouse that never answers: the request hangs until the client gives up and cancels it.
            await new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task.WaitAsync(cancellationToken);
        }

        return response;
    }

    public static FakeSqlApiResponse ResultSet(IReadOnlyList<(string Name, string Type)> columns, IReadOnlyList<string?[]> rows, int[]? partitionRowCounts = null, string handle = "01b-handle")
    {
        var counts = partitionRowCounts ?? [rows.Count];
        var body = new JsonObject
        {
            ["code"] = "090001",
            ["sqlState"] = "00000",
            ["message"] = "Statement executed successfully.",
            ["statementHandle"] = handle,
            ["statementStatusUrl"] = $"/api/v2/statements/{handle}",
            ["resultSetMetaData"] = new JsonObject
            {
                ["numRows"] = counts.Sum(),
                ["format"] = "jsonv2",
                ["rowType"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
                {
                    ["name"] = c.Name,
                    ["type"] = c.Type,
                    ["nullable"] = true,
                    ["scale"] = c.Type == "FIXED" ? 0 : null,
                })]),
                ["partitionInfo"] = new JsonArray([.. counts.Select(n => (JsonNode)new JsonObject { ["rowCount"] = n })]),
            },
            ["data"] = Rows(rows),
        };
        return new FakeSqlApiResponse(200, body.ToJsonString());
    }

    /// <summary>
    /// What the SQL API answers for a multi-statement request (a summary row and one handle per statement,
    /// <c>{parent}-0</c>, <c>{parent}-1</c> …) and for each statement's handle (its DML row count), or null when
    /// <paramref name="call"/> is neither.
    /// </summary>
    public static FakeSqlApiResponse? MultiStatement(FakeSqlApiCall call, long rowsPerStatement = 1)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Method == "POST" && call.Json.TryGetProperty("parameters", out var parameters)
            && int.TryParse(parameters.GetProperty("multi_statement_count").GetString(), System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 1)
        {
            var body = JsonNode.Parse(ResultSet([("multiple statement execution", "TEXT")], [["Multiple statements executed successfully."]], handle: "01b-multi").Body)!.AsObject();
            body["statementHandles"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)JsonValue.Create($"01b-multi-{i}"))]);
            return new FakeSqlApiResponse(200, body.ToJsonString());
        }

        if (call.Method == "GET" && call.Path.StartsWith("/api/v2/statements/01b-multi-", StringComparison.Ordinal))
        {
            var body = JsonNode.Parse(ResultSet([("number of rows inserted", "FIXED")], [[rowsPerStatement.ToString(System.Globalization.CultureInfo.InvariantCulture)]]).Body)!.AsObject();
            body["stats"] = new JsonObject { ["numRowsInserted"] = rowsPerStatement, ["numRowsUpdated"] = 0, ["numRowsDeleted"] = 0 };
            return new FakeSqlApiResponse(200, body.ToJsonString());
        }

        return null;
    }

    public static FakeSqlApiResponse Partition(IReadOnlyList<string?[]> rows, bool gzip = false) =>
        new(200, new JsonObject { ["data"] = Rows(rows) }.ToJsonString(), gzip);

    public static FakeSqlApiResponse Accepted(string handle = "01b-handle") =>
        new(202, JsonSerializer.Serialize(new { code = "333334", message = "Asynchronous execution in progress.", statementHandle = handle, statementStatusUrl = $"/api/v2/statements/{handle}" }));

    public static FakeSqlApiResponse Failure(int status, string code = "002003", string message = "SQL compilation error: Object does not exist.") =>
        new(status, JsonSerializer.Serialize(new { code, sqlState = "02000", message, statementHandle = "01b-failed" }));

    private static JsonArray Rows(IReadOnlyList<string?[]> rows) =>
        new([.. rows.Select(r => (JsonNode)new JsonArray([.. r.Select(v => (JsonNode?)(v is null ? null : JsonValue.Create(v)))]))]);
}

/// <summary>One request as the fake saw it.</summary>
internal sealed record FakeSqlApiCall(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? QueryValue(string name) =>
        Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0] == name)
            .Select(pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1] : string.Empty))
            .FirstOrDefault();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A canned answer: status, body, whether to gzip it, and an optional delay before answering.</summary>
internal sealed record FakeSqlApiResponse(int Status, string Body, bool Gzip = false, bool NeverAnswers = false)
{
    public byte[] Bytes()
    {
        var raw = Encoding.UTF8.GetBytes(Body);
        if (!Gzip)
        {
            return raw;
        }

        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write(raw);
        }

        return buffer.ToArray();
    }
}
