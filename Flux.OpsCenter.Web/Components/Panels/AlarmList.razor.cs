using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Identity;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Panels;

public sealed partial class AlarmList
{
    private const string LocalConsole = "local console";
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private string? _error;

    [Inject]
    private GridCommands Commands { get; set; } = default!;

    [Inject]
    private ICurrentOperator Operator { get; set; } = default!;

    [Inject]
    private IStatusPollSignal Monitor { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    /// <summary>Most alarms shown.</summary>
    [Parameter]
    public int Limit { get; set; } = 50;

    /// <summary>CSS max-height of the scrolling list.</summary>
    [Parameter]
    public string MaxHeight { get; set; } = "420px";

    private int Unacknowledged => Live?.Alarms.Count(a => !a.IsAcknowledged) ?? 0;

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
            // Outside SPCS nobody vouches for the caller: the acknowledgement is recorded as the local console's.
            var name = await Operator.GetNameAsync(Loads.Token) ?? LocalConsole;
            await Commands.AcknowledgeAlarmAsync(alarm.AlarmId, name, comment, Clock.GetUtcNow(), Loads.Token);
            _error = null;
            Monitor.PollNow();
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
