using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Components.Panels;
using Flux.OpsCenter.Web.Identity;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Flux.OpsCenter.Web.Components.Pages.Alarms;

/// <summary>The supervisor's EEMUA 191 view: every figure is a count over ALARM_HISTORY for the chosen window.</summary>
public sealed partial class AlarmPerformancePage
{
    private static readonly int[] WindowChoices = [24, 168, 720];
    private readonly PanelLoad<int, AlarmPerformanceReport> _report = new();

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private GridStatusFeed Feed { get; set; } = default!;

    [Inject]
    private AuthorizedCommands Commands { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    private bool _maySupervise;

    private int WindowHours { get; set; } = 24;

    // Checked here, not by route: the router does not enforce [Authorize], and the API refuses other roles anyway.
    protected override async Task OnParametersSetAsync()
    {
        _maySupervise = Authentication is not null && await Commands.MaySuperviseAsync((await Authentication).User);
        if (_maySupervise)
        {
            await ReloadAsync();
        }
    }

    // The window ends at the data clock (the latest telemetry), which follows the wall clock while the feed is alive.
    private Task<bool> ReloadAsync() => Loads.LoadAsync(_report, WindowHours, (hours, ct) =>
    {
        var to = Feed.Current?.Kpis?.AsOf ?? Clock.GetUtcNow();
        return AlarmPerformanceReport.LoadAsync(Queries, to.AddHours(-hours), to, ct);
    });
}
