using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Flux.OpsCenter.Data.Snowflake;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Flux.OpsCenter.Data.Cortex;

/// <summary>
/// Talks to Snowflake Cortex for the Grid Intelligence chat: runs the agent object
/// (<c>POST /api/v2/databases/{db}/schemas/{schema}/agents/{name}:run</c>, streamed as server-sent events), keeps its
/// threads (<c>/api/v2/cortex/threads</c>) and sends feedback (<c>…/agents/{name}:feedback</c>). It shares the SQL API's
/// HttpClient recipe: a fresh token on every attempt (the SPCS OAuth token file is re-read), a refresh after a 401,
/// backoff on 429/503/504 honouring Retry-After (see <see cref="SnowflakeServiceCollectionExtensions"/>).
/// </summary>
public sealed class CortexAgentClient(IHttpClientFactory httpClients, IOptions<CortexAgentOptions> options, IOptions<SnowflakeOptions> snowflake)
{
    /// <summary>Name of the HttpClient carrying the Cortex pipeline.</summary>
    public const string HttpClientName = "Flux.Cortex";

    private const string ThreadsPath = "api/v2/cortex/threads";

    /// <summary>The agent object's full name, <c>DB.SCHEMA.AGENT</c>, as the scripts create it.</summary>
    public string AgentName => $"{Database}.{options.Value.Schema}.{options.Value.Agent}";

    private string Database => options.Value.Database ?? snowflake.Value.Database
        ?? throw new InvalidOperationException($"{CortexAgentOptions.SectionName}:Database or {SnowflakeOptions.SectionName}:Database must name the agent's database.");

    private string AgentPath => string.Create(CultureInfo.InvariantCulture,
        $"api/v2/databases/{Uri.EscapeDataString(Database)}/schemas/{Uri.EscapeDataString(options.Value.Schema)}/agents/{Uri.EscapeDataString(options.Value.Agent)}");

    /// <summary>Creates a Snowflake thread and returns its id.</summary>
    public async Task<string> CreateThreadAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, ThreadsPath, new JsonObject { ["origin_application"] = CortexAgentOptions.OriginApplication }, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);

        // The docs give the answer as the id in a JSON string ("1234567890"); accept a bare number or an object too.
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var id = root.ValueKind switch
        {
            JsonValueKind.String => root.GetString(),
            JsonValueKind.Number => root.GetRawText(),
            JsonValueKind.Object when root.TryGetProperty("thread_id", out var t) => t.ValueKind == JsonValueKind.String ? t.GetString() : t.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(id)
            ? throw new FluxDataException(DataSourceKind.Snowflake, DataErrorKind.Mapping, "Snowflake created a thread but returned no thread id.")
            : id;
    }

    /// <summary>Renames a Snowflake thread (<c>POST /api/v2/cortex/threads/{id}</c>).</summary>
    public async Task RenameThreadAsync(string threadId, string name, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"{ThreadsPath}/{Uri.EscapeDataString(threadId)}", new JsonObject { ["thread_name"] = name }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a Snowflake thread and its messages; a thread Snowflake no longer has counts as deleted.</summary>
    public async Task DeleteThreadAsync(string threadId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"{ThreadsPath}/{Uri.EscapeDataString(threadId)}", null, cancellationToken, allowNotFound: true).ConfigureAwait(false);
    }

    /// <summary>The thread's stored messages, oldest first (the API pages newest first; the drawer shows the last 100).</summary>
    public async Task<IReadOnlyList<AgentThreadMessage>> GetThreadMessagesAsync(string threadId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{ThreadsPath}/{Uri.EscapeDataString(threadId)}?page_size=100", null, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        if (!document.RootElement.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<AgentThreadMessage>();
        foreach (var m in messages.EnumerateArray())
        {
            var id = m.TryGetProperty("message_id", out var i) && i.TryGetInt64(out var value) ? value : 0;
            var created = m.TryGetProperty("created_on", out var c) && c.TryGetInt64(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MinValue;
            var role = m.TryGetProperty("role", out var r) ? r.GetString() ?? "assistant" : "assistant";
            var payload = m.TryGetProperty("message_payload", out var p) ? p.ValueKind == JsonValueKind.String ? p.GetString() ?? "" : p.GetRawText() : "";
            list.Add(new AgentThreadMessage(id, role, TextOfPayload(payload), created));
        }

        return [.. list.OrderBy(m => m.CreatedAt).ThenBy(m => m.MessageId)];
    }

    /// <summary>
    /// Asks the agent: sends the question on its thread and returns once Snowflake has answered with the event stream.
    /// An HTTP failure left after the pipeline's retries is a <see cref="FluxDataException"/> saying what to do.
    /// </summary>
    public async Task<AgentRun> StartRunAsync(AgentQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var body = new JsonObject
        {
            ["thread_id"] = long.TryParse(question.ThreadId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : question.ThreadId,
            ["parent_message_id"] = question.ParentMessageId,
            ["messages"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = question.Text }),
            }),
            ["stream"] = true,
        };
        var response = await SendAsync(HttpMethod.Post, $"{AgentPath}:run", body, cancellationToken, streaming: true).ConfigureAwait(false);
        return new AgentRun(response);
    }

    /// <summary>Sends an operator's feedback on one answer.</summary>
    public async Task SendFeedbackAsync(AgentFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var body = new JsonObject
        {
            ["orig_request_id"] = feedback.RequestId,
            ["positive"] = feedback.Positive,
            ["feedback_message"] = feedback.Comment ?? "",
        };
        if (feedback.ThreadId is { } thread && long.TryParse(thread, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            body["thread_id"] = id;
        }

        using var response = await SendAsync(HttpMethod.Post, $"{AgentPath}:feedback", body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, bool streaming = false, bool allowNotFound = false)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.UserAgent.ParseAdd(SnowflakeSqlSource.UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(streaming ? "text/event-stream" : "application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                  || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new FluxDataException(DataSourceKind.Snowflake, e is TimeoutRejectedException or TaskCanceledException ? DataErrorKind.Timeout : DataErrorKind.Unavailable,
                "Snowflake Cortex could not be reached; the chat will work again once it answers.", e);
        }

        if (response.IsSuccessStatusCode || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            var detail = await ErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
            throw new FluxDataException(DataSourceKind.Snowflake, KindOf(response.StatusCode), Explain(response.StatusCode, detail));
        }
    }

    private string Explain(HttpStatusCode status, string? detail)
    {
        var why = status switch
        {
            HttpStatusCode.Unauthorized => "Snowflake refused the service's token (401), also after refreshing it.",
            HttpStatusCode.Forbidden => $"The service's role may not use the agent (403): GRANT USAGE ON AGENT {AgentName} to it.",
            HttpStatusCode.NotFound => $"Snowflake has no agent {AgentName} (404): run spcs/sql/12_grid_intelligence.sql.",
            HttpStatusCode.TooManyRequests => "Snowflake Cortex is limiting requests (429) and kept doing so after the retries; ask again in a minute.",
            >= HttpStatusCode.InternalServerError => $"Snowflake Cortex failed ({(int)status}); ask again in a minute.",
            _ => $"Snowflake Cortex refused the request ({(int)status}).",
        };
        return detail is null ? why : $"{why} Snowflake said: {detail}";
    }

    private static DataErrorKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity => DataErrorKind.Query,
        HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout => DataErrorKind.Timeout,
        _ => DataErrorKind.Unavailable,
    };

    private static async Task<string?> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A stored message's payload is its content array (as JSON text) or plain text: the text parts, joined.</summary>
    private static string TextOfPayload(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var content = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("content", out var c) ? c
                : default;
            if (content.ValueKind != JsonValueKind.Array)
            {
                return payload;
            }

            return string.Join("\n\n", content.EnumerateArray()
                .Where(i => i.TryGetProperty("type", out var t) && t.GetString() == "text" && i.TryGetProperty("text", out _))
                .Select(i => i.GetProperty("text").GetString()));
        }
        catch (JsonException)
        {
            return payload;
        }
    }
}
