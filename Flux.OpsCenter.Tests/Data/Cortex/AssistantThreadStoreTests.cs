using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Cortex;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Data.Cortex;

/// <summary>Threads per operator: owned, listed, renamed, moved on and deleted, each write with its audit row.</summary>
public sealed class AssistantThreadStoreTests : IDisposable
{
    private readonly DuckDbSource _source = new(TestTerritory.CreateCopy());
    private readonly FakeTimeProvider _clock = new(TestTerritory.AsOf);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_sees_only_their_threads_newest_first_and_each_write_is_audited()
    {
        var store = new AssistantThreadStore(_source, _clock);
        await store.CreateAsync("1001", "ana", "Which feeders had the most outages last month?", Token);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await store.CreateAsync("1002", "ana", "Customers out now", Token);
        await store.CreateAsync("1003", "ben", "Ben's question", Token);

        Assert.Equal(["1002", "1001"], (await store.ListAsync("ana", Token)).Select(t => t.ThreadId));
        Assert.False(await store.RenameAsync("1003", "ana", "not hers", Token));
        Assert.True(await store.RenameAsync("1001", "ana", "  Monthly   outages ", Token));
        await store.AdvanceAsync("1001", "ana", 12, Token);
        Assert.True(await store.DeleteAsync("1002", "ana", Token));

        var thread = Assert.Single(await store.ListAsync("ana", Token));
        Assert.Equal(("1001", "Monthly outages", 12L), (thread.ThreadId, thread.Title, thread.ParentMessageId));
        var audit = await _source.QueryAsync(
            new SqlRequest("audit", "SELECT ACTION FROM APPLICATIONS.AUDIT_LOG WHERE ACTION LIKE 'ASSISTANT_THREAD_%' AND USER_NAME = 'ana' ORDER BY OCCURRED_AT, ACTION", [], SqlRequest.DefaultTimeout),
            r => r.GetString("ACTION"), Token);
        Assert.Equal(["ASSISTANT_THREAD_CREATED", "ASSISTANT_THREAD_CREATED", "ASSISTANT_THREAD_DELETED", "ASSISTANT_THREAD_RENAMED"], audit.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Creating_the_same_thread_twice_keeps_one_row()
    {
        var store = new AssistantThreadStore(_source, _clock);

        await store.CreateAsync("1001", "ana", "first", Token);
        await store.CreateAsync("1001", "ana", "again", Token);

        Assert.Equal("first", Assert.Single(await store.ListAsync("ana", Token)).Title);
    }

    [Theory]
    [InlineData("", "Untitled")]
    [InlineData("  two\n lines  ", "two lines")]
    public void Titles_are_one_trimmed_line(string text, string expected) => Assert.Equal(expected, AssistantThreadStore.TitleOf(text));

    [Fact]
    public void A_long_title_is_cut_to_the_limit()
    {
        var title = AssistantThreadStore.TitleOf(new string('x', 200));

        Assert.Equal(AssistantThreadStore.MaxTitleLength, title.Length);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }

    public void Dispose() => _source.Dispose();
}
