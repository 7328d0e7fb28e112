using Bunit;
using Flux.OpsCenter.Data.Cortex;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Assistant;
using Flux.OpsCenter.Web.Components.Assistant;
using Flux.OpsCenter.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Tests.Web.Components.Assistant;

/// <summary>The Grid Intelligence drawer against a fake Cortex: every documented event rendered, failures, threads, feedback.</summary>
public sealed class AssistantDrawerTests : BunitTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly FakeCortexApi _api;
    private readonly CortexTestClient _cortex;
    private readonly DuckDbSource _source;

    public AssistantDrawerTests()
        : this(new FakeCortexApi(), new DuckDbSource(TestTerritory.CreateCopy()))
    {
    }

    private AssistantDrawerTests(FakeCortexApi api, DuckDbSource source)
        : this(api, new CortexTestClient(api), source)
    {
    }

    private AssistantDrawerTests(FakeCortexApi api, CortexTestClient cortex, DuckDbSource source)
        : base(services => services
            .AddSingleton(new GridIntelligence(cortex.Client, new AssistantThreadStore(source, TimeProvider.System)))
            .AddSingleton<ICurrentOperator>(new NamedOperator("ana"))
            .AddSingleton(Options.Create(new CortexAgentOptions())))
    {
        _api = api;
        _cortex = cortex;
        _source = source;
        ComponentFactories.AddStub<VegaChart>(p => $"<div data-testid=\"answer-chart\">{System.Net.WebUtility.HtmlEncode(p.Get(x => x.Spec))}</div>");
    }

    private IRenderedComponent<AssistantDrawer> Open()
    {
        var cut = Render<AssistantDrawer>(p => p.Add(x => x.Open, true));
        cut.WaitForAssertion(() => cut.Find("textarea[data-testid=assistant-input]"), Patience);
        return cut;
    }

    /// <summary>The question is done when the drawer takes the next one (the Ask button is back).</summary>
    private static void WaitUntilAnswered(IRenderedComponent<AssistantDrawer> cut, int answers) =>
        cut.WaitForAssertion(() =>
        {
            Assert.NotNull(cut.Find("[data-testid=assistant-send]"));
            Assert.Equal(answers, cut.FindAll("[data-testid=assistant-answer]").Count);
        }, Patience);

    private static void Ask(IRenderedComponent<AssistantDrawer> cut, string question)
    {
        cut.Find("textarea[data-testid=assistant-input]").Input(question);
        cut.Find("[data-testid=assistant-send]").Click();
    }

    [Fact]
    public void An_answer_renders_text_thinking_tool_sql_table_chart_and_warning_and_ignores_the_unknown_event()
    {
        _api.ThenStream(CortexAgentStreams.FullAnswer());
        var cut = Open();

        Ask(cut, "Which feeders had the most customer minutes?");

        WaitUntilAnswered(cut, 1);
        Assert.Equal("Which feeders had the most customer minutes?", cut.Find("[data-testid=assistant-question]").TextContent);
        Assert.Equal("FDR-001-01 leads with 1,200 customer minutes.", cut.Find("[data-testid=answer-text]").TextContent.Trim());
        Assert.Equal("FDR-001-01", cut.Find("[data-testid=answer-text] strong").TextContent);
        Assert.Contains("customer minutes", cut.Find("[data-testid=answer-thinking]").TextContent, StringComparison.Ordinal);
        Assert.Null(cut.Find("[data-testid=answer-thinking]").GetAttribute("open"));
        Assert.Contains("grid_analyst", cut.Find("[data-testid=answer-tool-use]").TextContent, StringComparison.Ordinal);
        Assert.Contains("ORDER BY 2 DESC LIMIT 2", cut.Find("[data-testid=answer-sql]").TextContent, StringComparison.Ordinal);
        var tables = cut.FindAll("[data-testid=answer-table]");
        Assert.Equal(2, tables.Count);
        Assert.Contains("Customer minutes by feeder", tables[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(["FEEDER_ID", "CUSTOMER_MINUTES"], tables[1].QuerySelectorAll("th").Select(th => th.TextContent));
        Assert.Equal(2, tables[1].QuerySelectorAll("tbody tr").Length);
        Assert.Contains("\"mark\":\"bar\"", Assert.Single(cut.FindAll("[data-testid=answer-chart]")).TextContent, StringComparison.Ordinal);
        Assert.Equal("Results are limited to the last 30 days.", cut.Find("[data-testid=answer-warning]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=answer-error]"));
    }

    [Fact]
    public void A_stream_dropped_mid_answer_shows_an_error_and_the_thread_stays_usable()
    {
        _api.ThenBrokenStream(CortexAgentStreams.BeginningOfAnswer()).ThenStream(CortexAgentStreams.FullAnswer(userMessageId: 31, assistantMessageId: 32));
        var cut = Open();

        Ask(cut, "How many customers are out?");
        WaitUntilAnswered(cut, 1);
        Assert.Contains("broke off mid-answer", cut.Find("[data-testid=answer-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Looking at the outages", cut.Find("[data-testid=answer-text]").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("textarea[data-testid=assistant-input]").HasAttribute("disabled"));

        Ask(cut, "And by substation?");
        WaitUntilAnswered(cut, 2);

        // The broken answer never got an assistant message id, so the second question continues from the first turn's parent (0).
        var runs = _api.Runs;
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Contains("\"parent_message_id\":0", r.Body, StringComparison.Ordinal));
        Assert.Single(_api.Calls, c => c.Path == "/api/v2/cortex/threads");
    }

    [Fact]
    public void The_next_question_continues_from_the_last_stored_answer()
    {
        _api.ThenStream(CortexAgentStreams.FullAnswer(assistantMessageId: 12)).ThenStream(CortexAgentStreams.FullAnswer(userMessageId: 13, assistantMessageId: 14));
        var cut = Open();

        Ask(cut, "First");
        WaitUntilAnswered(cut, 1);
        Ask(cut, "Second");
        WaitUntilAnswered(cut, 2);

        Assert.Contains("\"parent_message_id\":12", _api.Runs[1].Body, StringComparison.Ordinal);
        var thread = Assert.Single(cut.FindAll("[data-testid=assistant-thread]"));
        Assert.Contains("First", thread.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_failure_shows_its_message_and_an_agent_error_event_shows_its_own()
    {
        _api.ThenStatus(System.Net.HttpStatusCode.Forbidden, """{"message":"Insufficient privileges"}""").ThenStream(CortexAgentStreams.AgentError());
        var cut = Open();

        Ask(cut, "q1");
        WaitUntilAnswered(cut, 1);
        Assert.Contains("GRANT USAGE ON AGENT", cut.Find("[data-testid=answer-error]").TextContent, StringComparison.Ordinal);
        Ask(cut, "q2");
        WaitUntilAnswered(cut, 2);

        Assert.Contains("Error during execution (code 399504)", cut.FindAll("[data-testid=answer-error]")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_question_is_a_field_error_and_nothing_is_sent()
    {
        var cut = Open();

        cut.Find("[data-testid=assistant-send]").Click();

        Assert.Contains("Type a question first.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public void Feedback_with_a_comment_is_sent_for_the_answer_it_rates()
    {
        _api.ThenStream(CortexAgentStreams.FullAnswer(), requestId: "req-77");
        var cut = Open();
        Ask(cut, "q");
        WaitUntilAnswered(cut, 1);

        // The rating buttons render once the thread's place is saved; the click's re-render may land after Click returns under load.
        cut.WaitForElement("[aria-label='Unhelpful answer']", Patience).Click();
        cut.WaitForElement("input[data-testid=assistant-feedback-comment]", Patience).Change("Wrong feeder");
        cut.Find("[data-testid=assistant-feedback-send]").Click();

        cut.WaitForAssertion(() => Assert.Contains("feedback was sent", cut.Find("[data-testid=assistant-feedback]").TextContent, StringComparison.Ordinal), Patience);
        var feedback = Assert.Single(_api.Calls, c => c.Path.EndsWith(":feedback", StringComparison.Ordinal));
        Assert.Contains("\"orig_request_id\":\"req-77\"", feedback.Body, StringComparison.Ordinal);
        Assert.Contains("Wrong feeder", feedback.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thread_can_be_renamed_and_deleted()
    {
        _api.ThenStream(CortexAgentStreams.FullAnswer());
        var cut = Open();
        Ask(cut, "Outages by cause");
        WaitUntilAnswered(cut, 1);

        cut.Find("[aria-label='Rename Outages by cause']").Click();
        cut.Find("input[data-testid=assistant-rename-field]").Change("Causes");
        cut.Find("[aria-label='Save the name']").Click();
        cut.WaitForAssertion(() => Assert.Contains("Causes", cut.Find("[data-testid=assistant-thread]").TextContent, StringComparison.Ordinal), Patience);
        cut.Find("[aria-label='Delete Causes']").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=assistant-thread]")), Patience);
        Assert.Contains(_api.Calls, c => c.Method == "DELETE");
        Assert.NotNull(cut.Find("[data-testid=assistant-suggestions]"));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cortex.Dispose();
            _source.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class NamedOperator(string name) : ICurrentOperator
    {
        public Task<string?> GetNameAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(name);
    }
}
