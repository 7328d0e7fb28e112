using System.Security.Claims;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Panels;

public sealed partial class AlarmList
{
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private string? _error;
    private bool _mayAcknowledge;

    [Inject]
    private AuthorizedCommands Commands { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>Most alarms shown.</summary>
    [Parameter]
    public int Limit { get; set; } = 50;

    /// <summary>CSS max-height of the scrolling list.</summary>
    [Parameter]
    public string MaxHeight { get; set; } = "420px";

    private int Unacknowledged => Live?.Alarms.Count(a => !a.IsAcknowledged) ?? 0;

    // Asked once per page, not per row: a viewer sees no Ack buttons at all (the server refuses them anyway).
    protected override async Task OnInitializedAsync() => _mayAcknowledge = await Commands.MayOperateAsync(await UserAsync());

    private async Task<ClaimsPrincipal> UserAsync() => Authentication is null ? new ClaimsPrincipal() : (await Authentication).User;

    private async Task AcknowledgeAsync(GridAlarm alarm)
    {
        var dialog = await Dialogs.ShowAsync<AcknowledgeDialog>($"Acknowledge {alarm.AlarmType.ToLowerInvariant()}",
            new DialogParameters<AcknowledgeDialog> { { d => d.Alarm, alarm } });
        var result = await dialog.Result;
        if (result is null || result.Canceled)
        {
            return;
        }

        var comment = result.Data as string;

        _busy.Add(alarm.AlarmId);
        try
        {
            // Not the page's load token: an acknowledgement the operator confirmed is written even if they navigate away.
            var outcome = await Commands.AcknowledgeAlarmAsync(await UserAsync(), alarm.AlarmId, comment, CancellationToken.None);
            _error = outcome == AcknowledgeOutcome.Forbidden ? "Your role may not acknowledge alarms." : null;
        }
        catch (FluxDataException ex)
        {
            _error = $"Acknowledgement not saved: {PanelWording.Error(ex)}";
        }
        finally
        {
            _busy.Remove(alarm.AlarmId);
        }
    }

    private string RowClass(GridAlarm alarm) =>
        "d-flex align-center py-1 flux-alarm-row" + (JustChanged.Contains(alarm.AlarmId) ? " flux-changed" : "") + (alarm.IsAcknowledged ? " flux-acknowledged" : "");

    private static Color SeverityColor(GridAlarm alarm) => alarm.Severity switch
    {
        "CRITICAL" => Color.Error,
        "MAJOR" => Color.Warning,
        "INFO" => Color.Success,
        _ => Color.Info,
    };

    private static string Icon(GridAlarm alarm) => alarm.AlarmType switch
    {
        "RESTORATION" => Icons.Material.Filled.CheckCircle,
        "OVERLOAD" => Icons.Material.Filled.Whatshot,
        "LOCKOUT" => Icons.Material.Filled.Lock,
        _ => Icons.Material.Filled.PowerOff,
    };
}
