namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// Server-sent event streams in the shapes of Snowflake's "Cortex Agents Run API" documentation (streaming responses):
/// every documented event once, plus an event type the docs do not list, which a client must ignore.
/// </summary>
internal static class CortexAgentStreams
{
    public const string ChartSpec = """{"$schema":"https://vega.github.io/schema/vega-lite/v5.json","data":{"values":[{"feeder":"FDR-001-01","cmi":1200},{"feeder":"FDR-002-03","cmi":800}]},"mark":"bar","encoding":{"x":{"field":"feeder","type":"nominal"},"y":{"field":"cmi","type":"quantitative"}}}""";

    private const string ResultSet = """{"statementHandle":"01b-stmt","resultSetMetaData":{"partition":0,"numRows":2,"format":"jsonv2","rowType":[{"name":"FEEDER_ID","type":"VARCHAR","nullable":false},{"name":"CUSTOMER_MINUTES","type":"FIXED","nullable":false}]},"data":[["FDR-001-01","1200"],["FDR-002-03","800"]]}""";

    /// <summary>A whole answer: status, thinking, a tool call with SQL and rows, a table, a chart (twice), text, a warning, the metadata and the final response.</summary>
    public static string FullAnswer(long userMessageId = 11, long assistantMessageId = 12) => Events(
        ("metadata", $$"""{"role":"user","message_id":{{userMessageId}}}"""),
        ("response.status", """{"message":"Planning the next steps","status":"planning"}"""),
        ("response.thinking.delta", """{"content_index":0,"text":"The user wants the feeders"}"""),
        ("response.thinking.delta", """{"content_index":0,"text":" with the most customer minutes."}"""),
        ("response.thinking", """{"content_index":0,"text":"The user wants the feeders with the most customer minutes."}"""),
        ("response.tool_use", """{"content_index":1,"tool_use_id":"toolu_1","type":"cortex_analyst_text_to_sql","name":"grid_analyst","input":{"query":"top feeders by customer minutes"},"client_side_execute":false}"""),
        ("response.tool_result.status", """{"tool_use_id":"toolu_1","tool_type":"cortex_analyst_text_to_sql","status":"Executing SQL","message":"Executing query"}"""),
        ("response.tool_result.analyst.delta", """{"content_index":2,"tool_use_id":"toolu_1","tool_type":"cortex_analyst_text_to_sql","tool_name":"grid_analyst","delta":{"sql":"SELECT FEEDER_ID, CUSTOMER_MINUTES FROM RELIABILITY ORDER BY 2 DESC LIMIT 2"}}"""),
        ("response.tool_result", $$$"""{"content_index":2,"tool_use_id":"toolu_1","type":"cortex_analyst_text_to_sql","name":"grid_analyst","content":[{"type":"json","json":{"sql":"SELECT FEEDER_ID, CUSTOMER_MINUTES FROM RELIABILITY ORDER BY 2 DESC LIMIT 2","text":"Two feeders lead.","query_id":"01b-stmt","result_set":{{{ResultSet}}}}}],"status":"success"}"""),
        ("response.table", $$"""{"content_index":3,"tool_use_id":"toolu_1","query_id":"01b-stmt","result_set":{{ResultSet}},"title":"Customer minutes by feeder"}"""),
        ("response.chart", $$"""{"content_index":4,"tool_use_id":"toolu_1","chart_spec":{{System.Text.Json.JsonSerializer.Serialize(ChartSpec)}}}"""),
        ("response.chart", $$"""{"content_index":5,"tool_use_id":"toolu_1","chart_spec":{{System.Text.Json.JsonSerializer.Serialize(ChartSpec)}}}"""),
        ("response.text.delta", """{"content_index":6,"text":"**FDR-001-01** leads with","is_elicitation":false}"""),
        ("response.text.delta", """{"content_index":6,"text":" 1,200 customer minutes.","is_elicitation":false}"""),
        ("response.text", """{"content_index":6,"text":"**FDR-001-01** leads with 1,200 customer minutes.","annotations":[],"is_elicitation":false}"""),
        ("response.warning", """{"message":"Results are limited to the last 30 days."}"""),
        ("response.some_future_event", """{"anything":true}"""),
        ("metadata", $$"""{"role":"assistant","message_id":{{assistantMessageId}}}"""),
        ("response", """{"role":"assistant","content":[{"type":"text","text":"**FDR-001-01** leads with 1,200 customer minutes."}]}"""));

    /// <summary>The first part of an answer, before the connection broke off.</summary>
    public static string BeginningOfAnswer() => Events(
        ("metadata", """{"role":"user","message_id":21}"""),
        ("response.status", """{"message":"Planning the next steps","status":"planning"}"""),
        ("response.text.delta", """{"content_index":0,"text":"Looking at the outages","is_elicitation":false}"""));

    /// <summary>An answer the agent itself ends with an error event.</summary>
    public static string AgentError() => Events(
        ("response.status", """{"message":"Planning the next steps","status":"planning"}"""),
        ("error", """{"code":"399504","message":"Error during execution","request_id":"req-err-1"}"""));

    public static string Events(params (string Type, string Data)[] events) =>
        string.Concat(events.Select(e => $"event: {e.Type}\ndata: {e.Data}\n\n"));
}
