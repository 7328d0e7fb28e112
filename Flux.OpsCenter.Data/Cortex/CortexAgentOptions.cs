namespace Flux.OpsCenter.Data.Cortex;

/// <summary>
/// Settings bound from <c>OpsCenter:Cortex</c>: which Cortex Agent object the Grid Intelligence chat runs. The agent
/// and its semantic view are created by <c>spcs/sql/12_grid_intelligence.sql</c>; the database defaults to the one the
/// SQL API reads (<c>OpsCenter:Snowflake:Database</c>).
/// </summary>
public sealed class CortexAgentOptions
{
    public const string SectionName = "OpsCenter:Cortex";

    /// <summary>The name the threads this app creates carry in Snowflake (the Threads API allows 16 bytes).</summary>
    public const string OriginApplication = "flux_opscenter";

    /// <summary>Turns the chat off in Snowflake mode (for an account without Cortex); embedded mode never has it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Database holding the agent object; the SQL API's database when empty.</summary>
    public string? Database { get; set; }

    /// <summary>Schema holding the agent object.</summary>
    public string Schema { get; set; } = "APPLICATIONS";

    /// <summary>Name of the agent object.</summary>
    public string Agent { get; set; } = "GRID_INTELLIGENCE";

    /// <summary>
    /// Longest an answer may stream. Snowflake ends an agent run after 15 minutes; operators give up much sooner, and a
    /// bounded run keeps a stuck stream from holding the drawer.
    /// </summary>
    public TimeSpan AnswerTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
