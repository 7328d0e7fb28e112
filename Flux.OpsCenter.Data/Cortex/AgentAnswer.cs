using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Flux.OpsCenter.Data.Cortex;

/// <summary>
/// One assistant answer built up from the Cortex Agents run events (docs "Cortex Agents Run API", streaming responses):
/// deltas are joined per content index, the completed <c>response.text</c>/<c>response.thinking</c> replace their
/// deltas, tool results carry their SQL and rows, a chart that arrives twice is kept once, and the <c>metadata</c>
/// events give the message ids the next turn continues from. Events of a type the docs do not list, or whose data is
/// not JSON, are ignored and counted, as the docs ask. Not thread-safe: one reader applies the events in order.
/// </summary>
public sealed class AgentAnswer
{
    private readonly List<AgentAnswerPart> _parts = [];
    private readonly Dictionary<(AgentPartKind Kind, int Index), int> _byContentIndex = [];
    private readonly Dictionary<string, int> _toolResults = new(StringComparer.Ordinal);
    private readonly HashSet<string> _charts = new(StringComparer.Ordinal);

    /// <summary>The answer's pieces in arrival order.</summary>
    public IReadOnlyList<AgentAnswerPart> Parts => _parts;

    /// <summary>The agent's latest progress message (planning, executing a tool, forming the answer).</summary>
    public string? Status { get; private set; }

    /// <summary>The thread message id Snowflake gave the question.</summary>
    public long? UserMessageId { get; private set; }

    /// <summary>The thread message id Snowflake gave this answer: the parent of the next question.</summary>
    public long? AssistantMessageId { get; private set; }

    /// <summary>Snowflake's id of the run request, which feedback refers to.</summary>
    public string? RequestId { get; set; }

    /// <summary>True once the final <c>response</c> event arrived.</summary>
    public bool Completed { get; private set; }

    /// <summary>True when the agent reported an error or the stream failed.</summary>
    public bool Failed { get; private set; }

    /// <summary>Events skipped because their type is unknown or their data is not JSON.</summary>
    public int IgnoredEvents { get; private set; }

    /// <summary>The answer's markdown text, all text parts joined.</summary>
    public string PlainText => string.Join("\n\n", _parts.Where(p => p.Kind == AgentPartKind.Text).Select(p => p.Text));

    /// <summary>Applies one server-sent event: its <c>event:</c> type and its <c>data:</c> JSON.</summary>
    public void Apply(string eventType, string data)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(data);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            IgnoredEvents++;
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                IgnoredEvents++;
                return;
            }

            switch (eventType)
            {
                case "response.status":
                case "response.tool_result.status":
                    Status = String(root, "message") ?? String(root, "status") ?? Status;
                    break;
                case "response.text.delta":
                    AppendIndexed(AgentPartKind.Text, root, replace: false);
                    break;
                case "response.text":
                    AppendIndexed(AgentPartKind.Text, root, replace: true);
                    break;
                case "response.thinking.delta":
                    AppendIndexed(AgentPartKind.Thinking, root, replace: false);
                    break;
                case "response.thinking":
                    AppendIndexed(AgentPartKind.Thinking, root, replace: true);
                    break;
                case "response.tool_use":
                    _parts.Add(new AgentAnswerPart(
                        AgentPartKind.ToolUse,
                        root.TryGetProperty("input", out var input) ? input.GetRawText() : "{}",
                        ToolName: String(root, "name") ?? String(root, "type")));
                    break;
                case "response.tool_result.analyst.delta":
                    ApplyAnalystDelta(root);
                    break;
                case "response.tool_result":
                    ApplyToolResult(root);
                    break;
                case "response.table":
                    if (root.TryGetProperty("result_set", out var resultSet))
                    {
                        _parts.Add(new AgentAnswerPart(AgentPartKind.Table, String(root, "title") ?? "", Table: TableOf(resultSet, String(root, "title"), String(root, "query_id"))));
                    }

                    break;
                case "response.chart":
                    AddChart(String(root, "chart_spec"));
                    break;
                case "response.warning":
                    _parts.Add(new AgentAnswerPart(AgentPartKind.Warning, String(root, "message") ?? "The agent raised a warning."));
                    break;
                case "error":
                    RequestId ??= String(root, "request_id");
                    var code = String(root, "code");
                    Fail(code is null ? String(root, "message") ?? "The agent failed." : $"{String(root, "message") ?? "The agent failed."} (code {code})");
                    break;
                case "metadata":
                    ApplyMetadata(root.TryGetProperty("metadata", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : root);
                    break;
                case "response":
                    ApplyFinal(root);
                    break;
                default:
                    IgnoredEvents++;
                    break;
            }
        }
    }

    /// <summary>Ends the answer with an error part (an HTTP failure or a stream that broke off mid-answer).</summary>
    public void Fail(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Failed = true;
        Status = null;
        _parts.Add(new AgentAnswerPart(AgentPartKind.Error, message));
    }

    private void AppendIndexed(AgentPartKind kind, JsonElement root, bool replace)
    {
        var text = String(root, "text") ?? "";
        var index = root.TryGetProperty("content_index", out var i) && i.TryGetInt32(out var value) ? value : -1;
        if (_byContentIndex.TryGetValue((kind, index), out var at))
        {
            _parts[at] = _parts[at] with { Text = replace ? text : _parts[at].Text + text };
            return;
        }

        _byContentIndex[(kind, index)] = _parts.Count;
        _parts.Add(new AgentAnswerPart(kind, text));
    }

    private void ApplyAnalystDelta(JsonElement root)
    {
        if (!root.TryGetProperty("delta", out var delta) || delta.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var at = ToolResultSlot(String(root, "tool_use_id"), String(root, "tool_name") ?? String(root, "tool_type"));
        var part = _parts[at];
        part = part with
        {
            Text = part.Text + (String(delta, "text") ?? ""),
            Sql = String(delta, "sql") is { } sql ? (part.Sql ?? "") + sql : part.Sql,
            Table = delta.TryGetProperty("result_set", out var rows) ? TableOf(rows, null, String(delta, "query_id")) : part.Table,
        };
        _parts[at] = part;
    }

    private void ApplyToolResult(JsonElement root)
    {
        var at = ToolResultSlot(String(root, "tool_use_id"), String(root, "name") ?? String(root, "type"));
        var part = _parts[at];
        var text = new StringBuilder();
        if (root.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in content.EnumerateArray())
            {
                if (String(item, "type") == "text" && String(item, "text") is { } plain)
                {
                    text.Append(plain);
                }
                else if (item.TryGetProperty("json", out var json) && json.ValueKind == JsonValueKind.Object)
                {
                    part = part with
                    {
                        Sql = String(json, "sql") ?? part.Sql,
                        Table = json.TryGetProperty("result_set", out var rows) ? TableOf(rows, null, String(json, "query_id")) : part.Table,
                    };
                    text.Append(String(json, "text") ?? "");
                }
            }
        }

        var status = String(root, "status");
        _parts[at] = part with
        {
            Text = text.Length > 0 ? text.ToString() : part.Text.Length > 0 ? part.Text : status ?? "",
        };
    }

    private int ToolResultSlot(string? toolUseId, string? toolName)
    {
        var key = toolUseId ?? $"#{_parts.Count.ToString(CultureInfo.InvariantCulture)}";
        if (_toolResults.TryGetValue(key, out var at))
        {
            return at;
        }

        _toolResults[key] = _parts.Count;
        _parts.Add(new AgentAnswerPart(AgentPartKind.ToolResult, "", ToolName: toolName));
        return _parts.Count - 1;
    }

    private void AddChart(string? spec)
    {
        // The same chart can arrive twice (a charting tool's result and response.chart): keep the first.
        if (!string.IsNullOrWhiteSpace(spec) && _charts.Add(spec))
        {
            _parts.Add(new AgentAnswerPart(AgentPartKind.Chart, spec));
        }
    }

    private void ApplyMetadata(JsonElement metadata)
    {
        if (!metadata.TryGetProperty("message_id", out var id) || !id.TryGetInt64(out var messageId))
        {
            return;
        }

        if (string.Equals(String(metadata, "role"), "assistant", StringComparison.OrdinalIgnoreCase))
        {
            AssistantMessageId = messageId;
        }
        else
        {
            UserMessageId = messageId;
        }
    }

    private void ApplyFinal(JsonElement root)
    {
        Completed = true;
        Status = null;

        // A non-streaming answer (or one whose deltas were lost) still has its content in the final aggregate.
        if (_parts.Count > 0 || !root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in content.EnumerateArray())
        {
            switch (String(item, "type"))
            {
                case "text":
                    _parts.Add(new AgentAnswerPart(AgentPartKind.Text, String(item, "text") ?? ""));
                    break;
                case "table" when item.TryGetProperty("table", out var table) && table.TryGetProperty("result_set", out var rows):
                    _parts.Add(new AgentAnswerPart(AgentPartKind.Table, String(table, "title") ?? "", Table: TableOf(rows, String(table, "title"), String(table, "query_id"))));
                    break;
                case "chart" when item.TryGetProperty("chart", out var chart):
                    AddChart(String(chart, "chart_spec"));
                    break;
                default:
                    break;
            }
        }
    }

    private static AgentTable TableOf(JsonElement resultSet, string? title, string? queryId)
    {
        var columns = new List<string>();
        long total = 0;
        if (resultSet.TryGetProperty("resultSetMetaData", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            if (meta.TryGetProperty("rowType", out var rowType) && rowType.ValueKind == JsonValueKind.Array)
            {
                columns.AddRange(rowType.EnumerateArray().Select(c => String(c, "name") ?? ""));
            }

            total = meta.TryGetProperty("numRows", out var n) && n.TryGetInt64(out var count) ? count : 0;
        }

        var rows = new List<IReadOnlyList<string?>>();
        var seen = 0;
        if (resultSet.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in data.EnumerateArray())
            {
                seen++;
                if (rows.Count < AgentTable.MaxRows && row.ValueKind == JsonValueKind.Array)
                {
                    rows.Add([.. row.EnumerateArray().Select(Cell)]);
                }
            }
        }

        return new AgentTable(title, columns, rows, Math.Max(total, seen), queryId ?? String(resultSet, "statementHandle"));
    }

    private static string? Cell(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => cell.GetString(),
        _ => cell.GetRawText(),
    };

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;
}
