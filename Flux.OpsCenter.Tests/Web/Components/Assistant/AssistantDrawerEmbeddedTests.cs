using Bunit;
using Flux.OpsCenter.Data.Cortex;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Assistant;
using Flux.OpsCenter.Web.Components.Assistant;
using Flux.OpsCenter.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Tests.Web.Components.Assistant;

/// <summary>In embedded mode the drawer says the assistant needs Cortex, and offers no way to ask.</summary>
public sealed class AssistantDrawerEmbeddedTests : BunitTestContext
{
    public AssistantDrawerEmbeddedTests()
        : base(services => services
            .AddSingleton(new GridIntelligence(null, new AssistantThreadStore(new UnusedSource(), TimeProvider.System)))
            .AddSingleton<ICurrentOperator>(new NoOperator())
            .AddSingleton(Options.Create(new CortexAgentOptions())))
    {
    }

    [Fact]
    public void It_says_plainly_that_the_assistant_needs_snowflake_cortex_and_how_to_enable_it()
    {
        var cut = Render<AssistantDrawer>(p => p.Add(x => x.Open, true));

        var message = cut.Find("[data-testid=assistant-unavailable]").TextContent;
        Assert.Contains("needs Snowflake Cortex", message, StringComparison.Ordinal);
        Assert.Contains("spcs/sql/12_grid_intelligence.sql", message, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=assistant-input]"));
    }

    private sealed class NoOperator : ICurrentOperator
    {
        public Task<string?> GetNameAsync(CancellationToken cancellationToken) => Task.FromResult<string?>("ana");
    }

    private sealed class UnusedSource : Flux.OpsCenter.Data.ISqlSource
    {
        public Flux.OpsCenter.Data.DataSourceKind Kind => Flux.OpsCenter.Data.DataSourceKind.Embedded;

        public Task<IReadOnlyList<T>> QueryAsync<T>(Flux.OpsCenter.Data.SqlRequest request, Func<Flux.OpsCenter.Data.ISqlRow, T> map, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The embedded drawer must not query threads.");

        public Task<long> ExecuteAsync(Flux.OpsCenter.Data.SqlRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The embedded drawer must not write threads.");

        public Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<Flux.OpsCenter.Data.SqlRequest> requests, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The embedded drawer must not write threads.");
    }
}
