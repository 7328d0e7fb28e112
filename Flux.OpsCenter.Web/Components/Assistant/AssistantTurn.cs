using Flux.OpsCenter.Data.Cortex;

namespace Flux.OpsCenter.Web.Components.Assistant;

/// <summary>
/// One question and its answer in the drawer: a live <see cref="AgentAnswer"/> for a question asked now, or the stored
/// text of an earlier answer when a thread is reopened. Feedback state lives here too, per answer.
/// </summary>
public sealed class AssistantTurn(string question, AgentAnswer? answer, string? storedAnswer = null)
{
    /// <summary>What the operator asked.</summary>
    public string Question { get; } = question;

    /// <summary>The answer being (or that was) streamed in this session; null for a reopened thread's turns.</summary>
    public AgentAnswer? Answer { get; } = answer;

    /// <summary>The text of an earlier answer, read back from the Threads API.</summary>
    public string? StoredAnswer { get; } = storedAnswer;

    /// <summary>Thumbs up (true), down (false), or not given.</summary>
    public bool? Feedback { get; set; }

    /// <summary>The operator's optional comment on the answer.</summary>
    public string FeedbackComment { get; set; } = "";

    /// <summary>True once Snowflake accepted the feedback.</summary>
    public bool FeedbackSent { get; set; }

    /// <summary>Why sending the feedback failed, if it did.</summary>
    public string? FeedbackError { get; set; }
}
