using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Cortex;
using Flux.OpsCenter.Web.Assistant;
using Flux.OpsCenter.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Components.Assistant;

/// <summary>
/// The Grid Intelligence chat, docked at the right of every page. A question streams the agent's answer piece by piece;
/// threads are Snowflake's, and which operator owns which is kept in <see cref="AssistantThreadStore"/>. A failed or
/// broken-off answer shows its error and leaves the thread usable: the next question continues from the last answer
/// Snowflake stored.
/// </summary>
public sealed partial class AssistantDrawer : IDisposable
{
    /// <summary>The longest question sent.</summary>
    public const int MaxQuestionLength = 2_000;

    // Deltas arrive token by token; rendering each would flood the circuit.
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(100);

    private readonly List<AssistantTurn> _turns = [];
    private IReadOnlyList<AssistantThread> _threads = [];
    private AssistantThread? _thread;
    private string? _operator;
    private string _question = "";
    private string? _questionError;
    private string? _threadError;
    private string? _renaming;
    private string _renameText = "";
    private string? _renameError;
    private bool _busy;
    private bool _loaded;
    private bool _ready;
    private CancellationTokenSource? _run;
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>Whether the drawer is open.</summary>
    [Parameter]
    public bool Open { get; set; }

    /// <summary>Raised when the drawer closes itself.</summary>
    [Parameter]
    public EventCallback<bool> OpenChanged { get; set; }

    [Inject]
    private GridIntelligence Intelligence { get; set; } = default!;

    [Inject]
    private ICurrentOperator CurrentOperator { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IOptions<CortexAgentOptions> Options { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // Threads load the first time the drawer opens, not on every page for every operator who never opens it.
        if (!Open || _loaded || !Intelligence.IsAvailable)
        {
            return;
        }

        _loaded = true;
        _operator = await CurrentOperator.GetNameAsync(_disposed.Token);
        await ReloadThreadsAsync();
        _ready = true;
    }

    private CortexAgentClient Client => Intelligence.Client ?? throw new InvalidOperationException("The assistant is not available.");

    private Task CloseAsync() => OpenChanged.InvokeAsync(false);

    private async Task ReloadThreadsAsync()
    {
        if (_operator is null)
        {
            return;
        }

        try
        {
            _threads = await Intelligence.Threads.ListAsync(_operator, _disposed.Token);
            _threadError = null;
        }
        catch (FluxDataException e)
        {
            _threadError = $"Your threads could not be loaded: {e.Message}";
        }
    }

    private void NewThread()
    {
        _thread = null;
        _turns.Clear();
        _threadError = null;
    }

    private async Task OpenThreadAsync(AssistantThread thread)
    {
        _thread = thread;
        _turns.Clear();
        _threadError = null;
        try
        {
            AddStoredTurns(await Client.GetThreadMessagesAsync(thread.ThreadId, _disposed.Token));
        }
        catch (FluxDataException e)
        {
            _threadError = $"The thread's messages could not be read: {e.Message} New questions still continue it.";
        }
    }

    private void AddStoredTurns(IReadOnlyList<AgentThreadMessage> messages)
    {
        string? question = null;
        foreach (var message in messages)
        {
            if (string.Equals(message.Role, "user", StringComparison.OrdinalIgnoreCase))
            {
                if (question is not null)
                {
                    _turns.Add(new AssistantTurn(question, null, ""));
                }

                question = message.Text;
            }
            else
            {
                _turns.Add(new AssistantTurn(question ?? "", null, message.Text));
                question = null;
            }
        }

        if (question is not null)
        {
            _turns.Add(new AssistantTurn(question, null, "(no stored answer)"));
        }
    }

    private async Task OnQuestionKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !e.ShiftKey)
        {
            await AskAsync(_question);
        }
    }

    private async Task AskAsync(string text)
    {
        var question = (text ?? "").Trim();
        _questionError = question.Length == 0 ? "Type a question first."
            : question.Length > MaxQuestionLength ? $"Keep the question under {MaxQuestionLength:N0} characters."
            : null;
        if (_questionError is not null || _busy || _operator is null)
        {
            return;
        }

        _busy = true;
        _question = "";
        var answer = new AgentAnswer();
        _turns.Add(new AssistantTurn(question, answer));
        _run = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _run.CancelAfter(Options.Value.AnswerTimeout);
        try
        {
            _thread ??= await StartThreadAsync(question, _run.Token);
            await StreamAnswerAsync(_thread, question, answer, _run.Token);
        }
        catch (FluxDataException e)
        {
            answer.Fail(e.Message);
        }
        catch (OperationCanceledException) when (!_disposed.IsCancellationRequested)
        {
            answer.Fail(_run.IsCancellationRequested && !_stopped
                ? $"No complete answer within {Options.Value.AnswerTimeout.TotalMinutes:N0} minutes; the question was stopped."
                : "Stopped. Ask again to continue the thread.");
        }
        finally
        {
            _stopped = false;
            _run.Dispose();
            _run = null;
        }

        // Not busy only once the thread's place is saved: the render that re-enables the drawer is the last of the question.
        await RememberAnswerAsync(answer);
        _busy = false;
    }

    private bool _stopped;

    private void Stop()
    {
        _stopped = true;
        _run?.Cancel();
    }

    private async Task<AssistantThread> StartThreadAsync(string firstQuestion, CancellationToken cancellationToken)
    {
        var threadId = await Client.CreateThreadAsync(cancellationToken);
        var thread = await Intelligence.Threads.CreateAsync(threadId, _operator!, firstQuestion, cancellationToken);
        await ReloadThreadsAsync();
        return thread;
    }

    private async Task StreamAnswerAsync(AssistantThread thread, string question, AgentAnswer answer, CancellationToken cancellationToken)
    {
        StateHasChanged();
        await using var run = await Client.StartRunAsync(new AgentQuestion(thread.ThreadId, thread.ParentMessageId, question), cancellationToken);
        answer.RequestId = run.RequestId;
        var rendered = Clock.GetTimestamp();
        await foreach (var item in run.ReadEventsAsync(cancellationToken))
        {
            answer.Apply(item.EventType, item.Data);
            if (Clock.GetElapsedTime(rendered) >= RenderInterval)
            {
                rendered = Clock.GetTimestamp();
                StateHasChanged();
            }
        }

        if (!answer.Completed && !answer.Failed)
        {
            answer.Fail("The answer stopped before it was complete: Snowflake closed the stream. Ask again to continue the thread.");
        }
    }

    /// <summary>The next question continues from the answer Snowflake stored; a failed answer without one leaves the thread where it was.</summary>
    private async Task RememberAnswerAsync(AgentAnswer answer)
    {
        if (_thread is null || answer.AssistantMessageId is not { } messageId || _operator is null)
        {
            return;
        }

        _thread = _thread with { ParentMessageId = messageId };
        try
        {
            await Intelligence.Threads.AdvanceAsync(_thread.ThreadId, _operator, messageId, _disposed.Token);
        }
        catch (FluxDataException e)
        {
            _threadError = $"The thread's place could not be saved ({e.Message}); it continues from here in this session.";
        }
    }

    private void StartRename(AssistantThread thread)
    {
        _renaming = thread.ThreadId;
        _renameText = thread.Title;
        _renameError = null;
    }

    private void CancelRename() => _renaming = null;

    private async Task RenameAsync(AssistantThread thread)
    {
        if (string.IsNullOrWhiteSpace(_renameText))
        {
            _renameError = "A thread needs a name.";
            return;
        }

        try
        {
            if (!await Intelligence.Threads.RenameAsync(thread.ThreadId, _operator!, _renameText, _disposed.Token))
            {
                _renameError = "This thread is no longer yours to rename.";
                return;
            }

            _renaming = null;
            await ReloadThreadsAsync();
            if (_thread?.ThreadId == thread.ThreadId)
            {
                _thread = _threads.FirstOrDefault(t => t.ThreadId == thread.ThreadId) ?? _thread;
            }

            // Snowflake's own name for the thread is a courtesy; ours is the one operators see.
            await Client.RenameThreadAsync(thread.ThreadId, AssistantThreadStore.TitleOf(_renameText), _disposed.Token);
        }
        catch (FluxDataException e)
        {
            _threadError = $"Renaming did not complete: {e.Message}";
        }
    }

    private async Task DeleteAsync(AssistantThread thread)
    {
        try
        {
            await Client.DeleteThreadAsync(thread.ThreadId, _disposed.Token);
            await Intelligence.Threads.DeleteAsync(thread.ThreadId, _operator!, _disposed.Token);
            if (_thread?.ThreadId == thread.ThreadId)
            {
                NewThread();
            }

            await ReloadThreadsAsync();
        }
        catch (FluxDataException e)
        {
            _threadError = $"The thread was not deleted: {e.Message}";
        }
    }

    private async Task SendFeedbackAsync(AssistantTurn turn)
    {
        if (turn.Answer?.RequestId is not { } requestId || turn.Feedback is not { } positive)
        {
            return;
        }

        try
        {
            await Client.SendFeedbackAsync(new AgentFeedback(requestId, positive, string.IsNullOrWhiteSpace(turn.FeedbackComment) ? null : turn.FeedbackComment.Trim(), _thread?.ThreadId), _disposed.Token);
            turn.FeedbackSent = true;
            turn.FeedbackError = null;
        }
        catch (FluxDataException e)
        {
            turn.FeedbackError = $"The feedback was not sent: {e.Message}";
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
