using Flux.OpsCenter.Data.Cortex;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Cortex;

/// <summary>Folding the documented Cortex Agents run events into one answer.</summary>
public sealed class AgentAnswerTests
{
    private static AgentAnswer Replay(string stream)
    {
        var answer = new AgentAnswer();
        foreach (var block in stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            answer.Apply(lines[0]["event: ".Length..], lines[1]["data: ".Length..]);
        }

        return answer;
    }

    [Fact]
    public void Every_documented_event_lands_in_its_part_and_the_unknown_one_is_ignored()
    {
        var answer = Replay(CortexAgentStreams.FullAnswer());

        Assert.Equal(
            [AgentPartKind.Thinking, AgentPartKind.ToolUse, AgentPartKind.ToolResult, AgentPartKind.Table, AgentPartKind.Chart, AgentPartKind.Text, AgentPartKind.Warning],
            answer.Parts.Select(p => p.Kind));
        Assert.Equal("The user wants the feeders with the most customer minutes.", answer.Parts[0].Text);
        Assert.Equal("grid_analyst", answer.Parts[1].ToolName);
        Assert.Contains("top feeders by customer minutes", answer.Parts[1].Text, StringComparison.Ordinal);
        var tool = answer.Parts[2];
        Assert.Equal("SELECT FEEDER_ID, CUSTOMER_MINUTES FROM RELIABILITY ORDER BY 2 DESC LIMIT 2", tool.Sql);
        Assert.Equal("Two feeders lead.", tool.Text);
        Assert.Equal(["FEEDER_ID", "CUSTOMER_MINUTES"], tool.Table!.Columns);
        var table = answer.Parts[3].Table!;
        Assert.Equal("Customer minutes by feeder", table.Title);
        Assert.Equal(2, table.TotalRows);
        Assert.Equal(["FDR-001-01", "1200"], table.Rows[0]);
        Assert.Equal(CortexAgentStreams.ChartSpec, answer.Parts[4].Text);
        Assert.Equal("**FDR-001-01** leads with 1,200 customer minutes.", answer.Parts[5].Text);
        Assert.Equal("Results are limited to the last 30 days.", answer.Parts[6].Text);
        Assert.Equal(1, answer.IgnoredEvents);
        Assert.Equal(11, answer.UserMessageId);
        Assert.Equal(12, answer.AssistantMessageId);
        Assert.True(answer.Completed);
        Assert.False(answer.Failed);
        Assert.Null(answer.Status);
    }

    [Fact]
    public void Text_deltas_join_until_the_completed_text_replaces_them()
    {
        var answer = new AgentAnswer();
        answer.Apply("response.text.delta", """{"content_index":0,"text":"Hel"}""");
        answer.Apply("response.text.delta", """{"content_index":0,"text":"lo"}""");
        Assert.Equal("Hello", Assert.Single(answer.Parts).Text);

        answer.Apply("response.text", """{"content_index":0,"text":"Hello, operator."}""");

        Assert.Equal("Hello, operator.", Assert.Single(answer.Parts).Text);
    }

    [Fact]
    public void An_error_event_fails_the_answer_with_its_message_and_code()
    {
        var answer = Replay(CortexAgentStreams.AgentError());

        Assert.True(answer.Failed);
        Assert.Equal("Error during execution (code 399504)", Assert.Single(answer.Parts, p => p.Kind == AgentPartKind.Error).Text);
        Assert.Equal("req-err-1", answer.RequestId);
    }

    [Fact]
    public void Data_that_is_not_json_is_ignored_not_thrown()
    {
        var answer = new AgentAnswer();

        answer.Apply("response.text.delta", "not json");

        Assert.Empty(answer.Parts);
        Assert.Equal(1, answer.IgnoredEvents);
    }

    [Fact]
    public void A_table_longer_than_the_drawer_shows_keeps_its_total()
    {
        var rows = string.Join(',', Enumerable.Range(0, AgentTable.MaxRows + 50).Select(i => $"[\"{i}\"]"));
        var answer = new AgentAnswer();

        answer.Apply("response.table", $$"""{"result_set":{"resultSetMetaData":{"numRows":{{AgentTable.MaxRows + 50}},"rowType":[{"name":"N"}]},"data":[{{rows}}]},"title":"many"}""");

        var table = Assert.Single(answer.Parts).Table!;
        Assert.Equal(AgentTable.MaxRows, table.Rows.Count);
        Assert.Equal(AgentTable.MaxRows + 50, table.TotalRows);
    }

    [Fact]
    public void A_non_streaming_answer_is_read_from_the_final_response()
    {
        var answer = new AgentAnswer();

        answer.Apply("response", """{"role":"assistant","content":[{"type":"text","text":"Only the aggregate."}]}""");

        Assert.Equal("Only the aggregate.", Assert.Single(answer.Parts).Text);
        Assert.True(answer.Completed);
    }
}
