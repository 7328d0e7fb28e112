using Bunit;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Web.Components.Panels;

/// <summary>The one panel-loading model: keyed loads, stale only for the same key, late results dropped, dispose cancels.</summary>
public sealed class PanelLoadTests : BunitTestContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly FluxDataException SlowQuery = new(DataSourceKind.Embedded, DataErrorKind.Timeout, "statement took too long");
    private readonly FakeTimeProvider _time;
    private readonly GatedSource _source = new();

    public PanelLoadTests()
        : this(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 21, 7, 0, TimeSpan.Zero)))
    {
    }

    private PanelLoadTests(FakeTimeProvider time)
        : base(services => services.AddSingleton<TimeProvider>(time))
    {
        _time = time;
    }

    [Fact]
    public void Shows_loading_until_the_first_result_then_the_value()
    {
        var cut = Render<PanelProbe>(p => p.Add(x => x.Key, "FDR-A").Add(x => x.Source, _source.LoadAsync));

        Assert.NotNull(cut.Find("[data-testid=probe-loading]"));
        Assert.Empty(cut.FindAll("[data-testid=probe-value]"));
        Answer(0, "feeder A");

        cut.WaitForAssertion(() => Assert.Equal("feeder A", cut.Find("[data-testid=probe-value]").TextContent), Patience);
        Assert.Equal("ready", cut.Find("[data-testid=probe]").GetAttribute("data-state"));
    }

    [Fact]
    public void A_new_key_clears_the_previous_value_and_shows_loading()
    {
        var cut = Render<PanelProbe>(p => p.Add(x => x.Key, "FDR-A").Add(x => x.Source, _source.LoadAsync));
        Answer(0, "feeder A");
        cut.WaitForAssertion(() => Assert.Equal("feeder A", cut.Find("[data-testid=probe-value]").TextContent), Patience);

        cut.Render(p => p.Add(x => x.Key, "FDR-B"));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=probe-loading]")), Patience);
        Assert.DoesNotContain("feeder A", cut.Markup, StringComparison.Ordinal);
        Answer(1, "feeder B");
        cut.WaitForAssertion(() => Assert.Equal("feeder B", cut.Find("[data-testid=probe-value]").TextContent), Patience);
    }

    [Fact]
    public void A_failed_refresh_of_the_same_key_keeps_the_value_and_says_stale_since_when()
    {
        var cut = Render<PanelProbe>(p => p.Add(x => x.Key, "FDR-A").Add(x => x.Source, _source.LoadAsync));
        Answer(0, "feeder A");
        cut.WaitForAssertion(() => Assert.Equal("feeder A", cut.Find("[data-testid=probe-value]").TextContent), Patience);

        cut.Render(p => p.Add(x => x.Refresh, 1));
        _source.Calls[1].Answer.SetException(SlowQuery);

        cut.WaitForAssertion(() => Assert.Equal("Stale since 21:07 UTC", cut.Find("[data-testid=probe-stale]").TextContent), Patience);
        Assert.Equal("feeder A", cut.Find("[data-testid=probe-value]").TextContent);
        Assert.Contains("statement took too long", cut.Find("[data-testid=probe-stale-reason]").TextContent, StringComparison.Ordinal);

        // A second failure does not move "since": the data has been stale from the first one.
        _time.Advance(TimeSpan.FromMinutes(5));
        cut.Render(p => p.Add(x => x.Refresh, 2));
        _source.Calls[2].Answer.SetException(SlowQuery);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.Instance.Outcomes.Count), Patience);
        Assert.Equal("Stale since 21:07 UTC", cut.Find("[data-testid=probe-stale]").TextContent);
    }

    [Fact]
    public void A_failure_for_a_new_key_shows_the_error_and_nothing_of_the_previous_key()
    {
        var cut = Render<PanelProbe>(p => p.Add(x => x.Key, "FDR-A").Add(x => x.Source, _source.LoadAsync));
        Answer(0, "feeder A");
        cut.WaitForAssertion(() => Assert.Equal("feeder A", cut.Find("[data-testid=probe-value]").TextContent), Patience);

        cut.Render(p => p.Add(x => x.Key, "FDR-B"));
        _source.Calls[1].Answer.SetException(SlowQuery);

        cut.WaitForAssertion(() => Assert.Contains("Embedded source timed out: statement took too long", cut.Find("[data-testid=probe-error]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(cut.FindAll("[data-testid=probe-stale]"));
        Assert.DoesNotContain("feeder A", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_result_of_a_superseded_load_is_ignored()
    {
        var cut = Render<PanelProbe>(p => p.Add(x => x.Key, "FDR-A").Add(x => x.Source, _source.LoadAsync));
        cut.Render(p => p.Add(x => x.Key, "FDR-B"));
        Assert.True(_source.Calls[0].Token.IsCancellationRequested, "starting B's load cancels A's");

        Answer(1, "feeder B");
        cut.WaitForAssertion(() => Assert.Equal("feeder B", cut.Find("[data-testid=probe-value]").TextContent), Patience);
        // A's query ignored its token and answered after all: the answer must not land.
        Answer(0, "feeder A");

        cut.WaitForAssertion(() => Assert.Equal([("FDR-B", true), ("FDR-A", false)], cut.Instance.Outcomes), Patience);
        Assert.Equal("feeder B", cut.Find("[data-testid=probe-value]").TextContent);
        Assert.DoesNotContain("feeder A", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_component_cancels_its_running_load()
    {
        Render<PanelProbe>(p => p.Add(x => x.Key, "FDR-A").Add(x => x.Source, _source.LoadAsync));
        var token = _source.Calls[0].Token;
        Assert.False(token.IsCancellationRequested);

        await DisposeComponentsAsync();

        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void An_unexpected_exception_goes_to_the_error_boundary_instead_of_killing_the_circuit()
    {
        var cut = Render<ErrorBoundary>(b => b
            .Add(x => x.ErrorContent, _ => "<p data-testid=\"boundary\">caught</p>")
            .AddChildContent<PanelProbe>(p => p.Add(x => x.Key, "FDR-A").Add(x => x.Source, _source.LoadAsync)));

        _source.Calls[0].Answer.SetException(new InvalidOperationException("a bug, not a data failure"));

        cut.WaitForAssertion(() => Assert.Equal("caught", cut.Find("[data-testid=boundary]").TextContent), Patience);
    }

    private void Answer(int call, string value)
    {
        var calls = _source.Calls;
        Assert.True(calls.Count > call, $"expected at least {call + 1} loads, saw {calls.Count}");
        calls[call].Answer.SetResult(value);
    }
}
