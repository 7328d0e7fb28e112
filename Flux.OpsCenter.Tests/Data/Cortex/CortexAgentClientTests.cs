using System.Net;
using System.Text.Json;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Cortex;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Cortex;

/// <summary>The Cortex client over the shared Snowflake pipeline: the run request, threads, feedback, retries and failures.</summary>
public sealed class CortexAgentClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<AgentAnswer> AskAsync(CortexAgentClient client, AgentQuestion question)
    {
        var answer = new AgentAnswer();
        await using var run = await client.StartRunAsync(question, Token);
        answer.RequestId = run.RequestId;
        await foreach (var item in run.ReadEventsAsync(Token))
        {
            answer.Apply(item.EventType, item.Data);
        }

        return answer;
    }

    [Fact]
    public async Task A_question_posts_to_the_agent_object_with_its_thread_and_parent_and_streams_the_answer()
    {
        var api = new FakeCortexApi().ThenStream(CortexAgentStreams.FullAnswer(), requestId: "req-42");
        using var host = new CortexTestClient(api);

        var answer = await AskAsync(host.Client, new AgentQuestion("1001", 12, "Which feeders lead?"));

        var run = Assert.Single(api.Runs);
        Assert.Equal("/api/v2/databases/FLUX_OPS/schemas/APPLICATIONS/agents/GRID_INTELLIGENCE:run", run.Path);
        Assert.Equal("Bearer token-1", run.Authorization);
        using var body = JsonDocument.Parse(run.Body);
        Assert.Equal(1001, body.RootElement.GetProperty("thread_id").GetInt64());
        Assert.Equal(12, body.RootElement.GetProperty("parent_message_id").GetInt64());
        Assert.Equal("Which feeders lead?", body.RootElement.GetProperty("messages")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("req-42", answer.RequestId);
        Assert.True(answer.Completed);
        Assert.Equal(12, answer.AssistantMessageId);
    }

    [Fact]
    public async Task A_rate_limited_run_is_retried_and_then_answers()
    {
        var api = new FakeCortexApi().ThenStatus(HttpStatusCode.TooManyRequests, "{}").ThenStream(CortexAgentStreams.FullAnswer());
        using var host = new CortexTestClient(api);

        var answer = await AskAsync(host.Client, new AgentQuestion("1001", 0, "q"));

        Assert.Equal(2, api.Runs.Count);
        Assert.True(answer.Completed);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_the_retry_carries_the_new_one()
    {
        var tokens = new CountingTokenProvider();
        var api = new FakeCortexApi().ThenStatus(HttpStatusCode.Unauthorized).ThenStream(CortexAgentStreams.FullAnswer());
        using var host = new CortexTestClient(api, tokens);

        var answer = await AskAsync(host.Client, new AgentQuestion("1001", 0, "q"));

        Assert.True(answer.Completed);
        Assert.Equal(1, tokens.Refreshes);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], api.Runs.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Rate_limiting_that_outlasts_the_retries_is_a_clear_unavailable_error()
    {
        var api = new FakeCortexApi();
        for (var i = 0; i < 5; i++)
        {
            api.ThenStatus(HttpStatusCode.TooManyRequests, "{}");
        }

        using var host = new CortexTestClient(api);

        var error = await Assert.ThrowsAsync<FluxDataException>(() => host.Client.StartRunAsync(new AgentQuestion("1001", 0, "q"), Token));

        Assert.Equal(DataErrorKind.Unavailable, error.Kind);
        Assert.Contains("limiting requests (429)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_agent_names_the_script_that_creates_it()
    {
        var api = new FakeCortexApi().ThenStatus(HttpStatusCode.NotFound, """{"message":"Agent does not exist"}""");
        using var host = new CortexTestClient(api);

        var error = await Assert.ThrowsAsync<FluxDataException>(() => host.Client.StartRunAsync(new AgentQuestion("1001", 0, "q"), Token));

        Assert.Contains("FLUX_OPS.APPLICATIONS.GRID_INTELLIGENCE", error.Message, StringComparison.Ordinal);
        Assert.Contains("spcs/sql/12_grid_intelligence.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("Agent does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_breaks_off_mid_answer_keeps_what_arrived_and_fails_as_unavailable()
    {
        var api = new FakeCortexApi().ThenBrokenStream(CortexAgentStreams.BeginningOfAnswer());
        using var host = new CortexTestClient(api);
        var answer = new AgentAnswer();

        await using var run = await host.Client.StartRunAsync(new AgentQuestion("1001", 0, "q"), Token);
        var error = await Assert.ThrowsAsync<FluxDataException>(async () =>
        {
            await foreach (var item in run.ReadEventsAsync(Token))
            {
                answer.Apply(item.EventType, item.Data);
            }
        });

        Assert.Equal(DataErrorKind.Unavailable, error.Kind);
        Assert.Equal("Looking at the outages", Assert.Single(answer.Parts).Text);
        Assert.False(answer.Completed);
    }

    [Fact]
    public async Task Threads_are_created_read_renamed_and_deleted_through_the_threads_api()
    {
        var api = new FakeCortexApi
        {
            ThreadMessages = """
                {"metadata":{"thread_id":1001},"messages":[
                  {"message_id":2,"parent_id":1,"created_on":1717000001000,"role":"assistant","message_payload":"[{\"type\":\"text\",\"text\":\"Two feeders.\"}]","request_id":"r2"},
                  {"message_id":1,"parent_id":null,"created_on":1717000000000,"role":"user","message_payload":"Which feeders?","request_id":"r1"}]}
                """,
        };
        using var host = new CortexTestClient(api);

        var id = await host.Client.CreateThreadAsync(Token);
        var messages = await host.Client.GetThreadMessagesAsync(id, Token);
        await host.Client.RenameThreadAsync(id, "Feeders", Token);
        await host.Client.DeleteThreadAsync(id, Token);

        Assert.Equal("1001", id);
        Assert.Equal(["user", "assistant"], messages.Select(m => m.Role));
        Assert.Equal(["Which feeders?", "Two feeders."], messages.Select(m => m.Text));
        var calls = api.Calls.ToList();
        Assert.Equal(("POST", "/api/v2/cortex/threads"), (calls[0].Method, calls[0].Path));
        Assert.Contains("flux_opscenter", calls[0].Body, StringComparison.Ordinal);
        Assert.Equal(("POST", "/api/v2/cortex/threads/1001"), (calls[2].Method, calls[2].Path));
        Assert.Contains("\"thread_name\":\"Feeders\"", calls[2].Body, StringComparison.Ordinal);
        Assert.Equal(("DELETE", "/api/v2/cortex/threads/1001"), (calls[3].Method, calls[3].Path));
    }

    [Fact]
    public async Task Feedback_names_the_request_it_rates()
    {
        var api = new FakeCortexApi();
        using var host = new CortexTestClient(api);

        await host.Client.SendFeedbackAsync(new AgentFeedback("req-42", Positive: false, "Wrong feeder", "1001"), Token);

        var call = Assert.Single(api.Calls);
        Assert.Equal("/api/v2/databases/FLUX_OPS/schemas/APPLICATIONS/agents/GRID_INTELLIGENCE:feedback", call.Path);
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal("req-42", body.RootElement.GetProperty("orig_request_id").GetString());
        Assert.False(body.RootElement.GetProperty("positive").GetBoolean());
        Assert.Equal("Wrong feeder", body.RootElement.GetProperty("feedback_message").GetString());
        Assert.Equal(1001, body.RootElement.GetProperty("thread_id").GetInt64());
    }
}
