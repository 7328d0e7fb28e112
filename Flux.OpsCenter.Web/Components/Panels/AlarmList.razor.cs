using System.Security.Claims;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Clock;
using Flux.OpsCenter.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>
/// The alarm list after ISA-18.2: highest priority first, then newest; acknowledged alarms stay until they return to
/// normal, returned-unacknowledged ones until acknowledged. Compact on the Overview; with <see cref="Management"/> (the
/// /alarms page) it adds the shelved, suppressed and history lists, filters, acknowledge selected, shelving and each
/// alarm's recorded history.
/// </summary>
public sealed partial class AlarmList
{
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<AlarmAuditEntry>> _history = new(StringComparer.Ordinal);
    private string? _error;
    private bool _mayAcknowledge;
    private AlarmView _view = AlarmView.Annunciated;
    private string _priorityFilter = "";
    private string _stateFilter = "";
    private string _search = "";

    /// <summary>The lists of the management view.</summary>
    private enum AlarmView
    {
        Annunciated,
        Shelved,
        Suppressed,
        History,
    }

    [Inject]
    private AuthorizedCommands Commands { get; set; } = default!;

    [Inject]
    private GridQueries Queries { get; set; } = default!;

    [Inject]
    private UtilityTime Time { get; set; } = default!;

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

    /// <summary>The full alarm-management view: lists, filters, selection, shelving and history.</summary>
    [Parameter]
    public bool Management { get; set; }

    private IReadOnlyList<GridAlarm> All => Live?.Alarms ?? [];

    private IEnumerable<GridAlarm> Annunciated => All.Where(a => a.IsAnnunciated);

    private int Unacknowledged => Annunciated.Count(a => !a.IsAcknowledged);

    private int CountIn(AlarmView view) => All.Count(a => IsIn(a, view));

    private int CountOf(string priority) => Annunciated.Count(a => a.Priority == priority);

    /// <summary>The alarms of the current list after the filters, in list order (history: newest first).</summary>
    private IReadOnlyList<GridAlarm> Shown
    {
        get
        {
            var view = Management ? _view : AlarmView.Annunciated;
            var shown = All.Where(a => IsIn(a, view)
                && (_priorityFilter.Length == 0 || a.Priority == _priorityFilter)
                && (_stateFilter.Length == 0 || a.State.ToString() == _stateFilter)
                && Matches(a, _search.Trim()));
            return [.. view == AlarmView.History ? shown.OrderByDescending(a => a.RaisedAt) : shown];
        }
    }

    private IEnumerable<GridAlarm> Selectable => Shown.Take(Limit).Where(a => !a.IsAcknowledged);

    private bool AllShownSelected => Selectable.Any() && Selectable.All(a => _selected.Contains(a.AlarmId));

    // Asked once per page, not per row: a viewer sees no write controls at all (the server refuses them anyway).
    protected override async Task OnInitializedAsync() => _mayAcknowledge = await Commands.MayOperateAsync(await UserAsync());

    protected override void OnParametersSet() => PruneSelection();

    private static bool IsIn(GridAlarm alarm, AlarmView view) => view switch
    {
        AlarmView.Shelved => alarm.State == AlarmState.Shelved,
        AlarmView.Suppressed => alarm.State == AlarmState.Suppressed,
        AlarmView.History => true,
        _ => alarm.IsAnnunciated,
    };

    private static bool Matches(GridAlarm alarm, string search) =>
        search.Length == 0
        || alarm.CircuitId.Contains(search, StringComparison.OrdinalIgnoreCase)
        || alarm.SubstationId.Contains(search, StringComparison.OrdinalIgnoreCase)
        || alarm.SubjectId.Contains(search, StringComparison.OrdinalIgnoreCase)
        || alarm.OperatorPosition.Contains(search, StringComparison.OrdinalIgnoreCase)
        || alarm.Message.Contains(search, StringComparison.OrdinalIgnoreCase);

    private void Show(AlarmView view)
    {
        _view = view;
        _stateFilter = "";
        _selected.Clear();
    }

    // An alarm acknowledged elsewhere, or gone from the list, is no longer selected.
    private void PruneSelection() => _selected.RemoveWhere(id => !All.Any(a => a.AlarmId == id && !a.IsAcknowledged));

    private void ToggleSelected(GridAlarm alarm)
    {
        if (!_selected.Remove(alarm.AlarmId))
        {
            _selected.Add(alarm.AlarmId);
        }
    }

    private void ToggleAllShown()
    {
        if (AllShownSelected)
        {
            _selected.Clear();
            return;
        }

        _selected.UnionWith(Selectable.Select(a => a.AlarmId));
    }

    private async Task<ClaimsPrincipal> UserAsync() => Authentication is null ? new ClaimsPrincipal() : (await Authentication).User;

    private async Task AcknowledgeAsync(GridAlarm alarm)
    {
        if (await AskCommentAsync($"Acknowledge {alarm.AlarmType.ToLowerInvariant()}", alarm.Message) is not { } comment)
        {
            return;
        }

        await WriteAsync([alarm.AlarmId], async user =>
            await Commands.AcknowledgeAlarmAsync(user, alarm.AlarmId, comment.Text, CancellationToken.None) == AcknowledgeOutcome.Forbidden);
    }

    private async Task AcknowledgeSelectedAsync()
    {
        PruneSelection();
        var alarmIds = _selected.ToList();
        if (alarmIds.Count == 0
            || await AskCommentAsync($"Acknowledge {alarmIds.Count} alarms", $"{alarmIds.Count} selected alarms get one acknowledgement each, with this comment.") is not { } comment)
        {
            return;
        }

        await WriteAsync(alarmIds, async user =>
            await Commands.AcknowledgeAlarmsAsync(user, alarmIds, comment.Text, CancellationToken.None) is null);
        _selected.Clear();
    }

    private async Task ShelveAsync(GridAlarm alarm)
    {
        var dialog = await Dialogs.ShowAsync<ShelveDialog>("Shelve alarm", new DialogParameters<ShelveDialog> { { d => d.Alarm, alarm } });
        if (await dialog.Result is not { Canceled: false, Data: ShelfRequest shelf })
        {
            return;
        }

        await WriteAsync([alarm.AlarmId], async user =>
            await Commands.ShelveAlarmAsync(user, alarm.AlarmId, shelf.Reason, shelf.Duration, CancellationToken.None) == AlarmWriteOutcome.Forbidden);
        _selected.Remove(alarm.AlarmId);
    }

    private Task UnshelveAsync(GridAlarm alarm) =>
        WriteAsync([alarm.AlarmId], async user =>
            await Commands.UnshelveAlarmAsync(user, alarm.AlarmId, CancellationToken.None) == AlarmWriteOutcome.Forbidden);

    private async Task ToggleHistoryAsync(GridAlarm alarm)
    {
        if (_history.Remove(alarm.AlarmId))
        {
            return;
        }

        try
        {
            _history[alarm.AlarmId] = await Queries.GetAlarmAuditTrailAsync(alarm.AlarmId, 50, CancellationToken.None);
            _error = null;
        }
        catch (FluxDataException ex)
        {
            _error = $"History not loaded: {PanelWording.Error(ex)}";
        }
    }

    private async Task<AcknowledgementComment?> AskCommentAsync(string title, string message)
    {
        var dialog = await Dialogs.ShowAsync<AcknowledgeDialog>(title, new DialogParameters<AcknowledgeDialog> { { d => d.Message, message } });
        var result = await dialog.Result;
        return result is null || result.Canceled ? null : new AcknowledgementComment(result.Data as string);
    }

    // Not the page's load token: a write the operator confirmed is made even if they navigate away.
    private async Task WriteAsync(IReadOnlyList<string> alarmIds, Func<ClaimsPrincipal, Task<bool>> forbidden)
    {
        _busy.UnionWith(alarmIds);
        try
        {
            _error = await forbidden(await UserAsync()) ? "Your role may not change alarms." : null;
        }
        catch (FluxDataException ex)
        {
            _error = $"Not saved: {PanelWording.Error(ex)}";
        }
        finally
        {
            _busy.ExceptWith(alarmIds);
            _history.Clear();
        }
    }

    private string RowClass(GridAlarm alarm) =>
        "d-flex align-center py-1 flux-alarm-row"
        + (JustChanged.Contains(alarm.AlarmId) ? " flux-changed" : "")
        + (alarm.IsAcknowledged ? " flux-acknowledged" : "")
        + (alarm.IsActive ? "" : " flux-returned");

    private static string StateLabel(AlarmState state) => state switch
    {
        AlarmState.Unacknowledged => "unacknowledged",
        AlarmState.Acknowledged => "acknowledged",
        AlarmState.ReturnedUnacknowledged => "returned, unacknowledged",
        AlarmState.Shelved => "shelved",
        AlarmState.Suppressed => "suppressed by lockout",
        _ => "normal",
    };

    private static string PriorityLabel(string priority) => priority switch
    {
        AlarmPriorities.High => "High",
        AlarmPriorities.Medium => "Medium",
        _ => "Low",
    };

    private static Color PriorityColor(string priority) => priority switch
    {
        AlarmPriorities.High => Color.Error,
        AlarmPriorities.Medium => Color.Warning,
        _ => Color.Info,
    };

    // Priority shows by colour and by symbol (ISA-18.2: never colour alone).
    private static string PriorityIcon(string priority) => priority switch
    {
        AlarmPriorities.High => Icons.Material.Filled.Error,
        AlarmPriorities.Medium => Icons.Material.Filled.Warning,
        _ => Icons.Material.Filled.Info,
    };

    private static string ActionLabel(string action) => action switch
    {
        "ACKNOWLEDGE_ALARM" => "acknowledged",
        "SHELVE_ALARM" => "shelved",
        "UNSHELVE_ALARM" => "unshelved",
        _ => action.ToLowerInvariant(),
    };

    /// <summary>The comment of an acknowledgement dialog, which may be empty; null from the dialog means cancelled.</summary>
    private sealed record AcknowledgementComment(string? Text);
}
