using Bunit;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Panels;
using Flux.OpsCenter.Web.Hosting;
using Flux.OpsCenter.Web.Identity;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Tests.Web.Components;

public sealed class AlarmListTests : BunitTestContext
{
    public AlarmListTests()
        : base(services =>
        {
            var feed = new GridStatusFeed(Options.Create(new LiveOptions()));
            feed.Publish(new GridStatusSnapshot(1, TestTerritory.AsOf, null, null, [], [], [Builders.Alarm("NEW-OUT-0000042")]), null);
            services.AddSingleton(feed);
            services.AddSingleton<ISqlSource, RecordingSqlSource>();
            services.AddSingleton<GridCommands>();
            services.AddSingleton<GridQueries>();
            services.AddSingleton<IStatusPollSignal, NoPollSignal>();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<AuthorizedCommands>();
            services.AddOpsCenterPolicies();
            // The app's own authorization service and policies, not bUnit's stand-in, so the role rule itself is tested.
            services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        })
    {
    }

    private RecordingSqlSource Source => (RecordingSqlSource)Services.GetRequiredService<ISqlSource>();

    [Fact]
    public void A_viewer_sees_the_alarm_but_no_ack_button()
    {
        var cut = RenderFor(OpsCenterRoles.Viewer);

        Assert.Single(cut.FindAll("[data-testid=alarm-row]"));
        Assert.Empty(cut.FindAll("[data-testid=alarm-ack]"));
    }

    [Theory]
    [InlineData(OpsCenterRoles.Operator)]
    [InlineData(OpsCenterRoles.Supervisor)]
    [InlineData(OpsCenterRoles.Admin)]
    public void An_operator_supervisor_or_admin_gets_the_ack_button(string role)
    {
        var cut = RenderFor(role);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=alarm-ack]")));
    }

    [Fact]
    public async Task Acknowledging_records_the_signed_in_users_name()
    {
        var cut = RenderFor(OpsCenterRoles.Operator, name: "JANE_OPERATOR");
        var dialogs = Render<MudBlazor.MudDialogProvider>();

        // The click's handler waits for the dialog's answer, so it completes only once the dialog is confirmed.
        var acknowledging = cut.WaitForElement("[data-testid=alarm-ack]").ClickAsync(new());
        await dialogs.WaitForElement("[data-testid=ack-confirm]").ClickAsync(new());
        await acknowledging;

        cut.WaitForAssertion(() => Assert.Contains(Source.Executed, r => r.Name == "AcknowledgeAlarm" && r.Arguments.Contains("JANE_OPERATOR")));
    }

    private IRenderedComponent<AlarmList> RenderFor(string role, string name = "someone")
    {
        var user = OpsCenterPrincipal.Create(name, role, "Test");
        return Render<AlarmList>(p => p.AddCascadingValue(Task.FromResult(new AuthenticationState(user))));
    }

    private sealed class NoPollSignal : IStatusPollSignal
    {
        public void PollNow()
        {
        }
    }

    private sealed class RecordingSqlSource : ISqlSource
    {
        public System.Collections.Concurrent.ConcurrentBag<SqlRequest> Executed { get; } = [];

        public DataSourceKind Kind => DataSourceKind.Embedded;

        public Task<IReadOnlyList<T>> QueryAsync<T>(SqlRequest request, Func<ISqlRow, T> map, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<T>>([]);

        public Task<long> ExecuteAsync(SqlRequest request, CancellationToken cancellationToken)
        {
            Executed.Add(request);
            return Task.FromResult(1L);
        }

        public Task<IReadOnlyList<long>> ExecuteBatchAsync(IReadOnlyList<SqlRequest> requests, CancellationToken cancellationToken)
        {
            foreach (var request in requests)
            {
                Executed.Add(request);
            }

            return Task.FromResult<IReadOnlyList<long>>([.. requests.Select(_ => 1L)]);
        }
    }
}
