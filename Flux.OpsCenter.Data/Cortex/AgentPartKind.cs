namespace Flux.OpsCenter.Data.Cortex;

/// <summary>What one piece of an assistant answer is, in the order the agent's events deliver them.</summary>
public enum AgentPartKind
{
    /// <summary>Answer text, markdown (<c>response.text.delta</c> / <c>response.text</c>).</summary>
    Text,

    /// <summary>The agent's reasoning, shown collapsed (<c>response.thinking.delta</c> / <c>response.thinking</c>).</summary>
    Thinking,

    /// <summary>A tool the agent called and its input (<c>response.tool_use</c>).</summary>
    ToolUse,

    /// <summary>What a tool returned: the SQL it ran and the rows (<c>response.tool_result</c>, analyst deltas).</summary>
    ToolResult,

    /// <summary>A result table (<c>response.table</c>).</summary>
    Table,

    /// <summary>A Vega-Lite chart (<c>response.chart</c>).</summary>
    Chart,

    /// <summary>A warning the agent raised (<c>response.warning</c>).</summary>
    Warning,

    /// <summary>A fatal error: the agent's <c>error</c> event, an HTTP failure or a stream that broke off.</summary>
    Error,
}
