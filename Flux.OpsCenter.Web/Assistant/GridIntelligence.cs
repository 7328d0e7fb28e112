using Flux.OpsCenter.Data.Cortex;

namespace Flux.OpsCenter.Web.Assistant;

/// <summary>
/// What the Grid Intelligence drawer works with: the Cortex client when the app runs against Snowflake with the chat
/// enabled, and the operator-to-thread map. <see cref="Client"/> is null in embedded mode (the embedded territory has
/// no Cortex, and the drawer says so instead of answering anything).
/// </summary>
public sealed class GridIntelligence(CortexAgentClient? client, AssistantThreadStore threads)
{
    /// <summary>The Cortex client, or null when the chat is not available here.</summary>
    public CortexAgentClient? Client { get; } = client;

    /// <summary>Which threads each operator owns.</summary>
    public AssistantThreadStore Threads { get; } = threads;

    /// <summary>True when questions can be asked.</summary>
    public bool IsAvailable => Client is not null;

    /// <summary>Questions that fit the views the agent's semantic view covers, offered on an empty thread.</summary>
    public static IReadOnlyList<string> SuggestedPrompts { get; } =
    [
        "Which 10 feeders had the most customer minutes interrupted in the last 30 days?",
        "Show SAIDI and SAIFI by month for the last 12 months, with and without major event days.",
        "How many customers are out right now, by substation?",
        "Which transformers above 100% of their rating have the most customers behind them?",
        "What were the main causes of sustained outages last quarter, and how many customers did each affect?",
        "List the critical-care customers on feeders with an active outage.",
    ];
}
