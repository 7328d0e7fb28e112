namespace Flux.OpsCenter.Data.Cortex;

/// <summary>
/// One piece of an assistant answer. <see cref="Text"/> holds the markdown, thinking, warning or error text, a tool's
/// input (as JSON) or a chart's Vega-Lite specification; <see cref="Sql"/> and <see cref="Table"/> what a tool ran and
/// returned; <see cref="ToolName"/> names the tool for tool parts.
/// </summary>
public sealed record AgentAnswerPart(AgentPartKind Kind, string Text, string? ToolName = null, string? Sql = null, AgentTable? Table = null);
