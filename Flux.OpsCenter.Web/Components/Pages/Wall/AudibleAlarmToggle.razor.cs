using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Flux.OpsCenter.Web.Components.Pages.Wall;

/// <summary>
/// The wall's optional audible alert: when switched on, a short WebAudio beep (no sound file) for every live change that
/// brings a new unacknowledged high-priority alarm.
/// </summary>
public sealed partial class AudibleAlarmToggle
{
    private IJSObjectReference? _module;
    private bool _enabled;
    private bool _beepDue;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>
    /// Whether <paramref name="current"/> holds an unacknowledged high-priority alarm that <paramref name="previous"/> did not:
    /// the one rule for when the wall beeps (a first snapshot is not news, so it never beeps).
    /// </summary>
    public static bool HasNewHighPriorityAlarm(GridStatusSnapshot? previous, GridStatusSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (previous is null)
        {
            return false;
        }

        var known = previous.Alarms.Select(a => a.AlarmId).ToHashSet(StringComparer.Ordinal);
        return current.Alarms.Any(a => a.Priority == AlarmPriorities.High && a.State == AlarmState.Unacknowledged && !known.Contains(a.AlarmId));
    }

    protected override void OnLiveChanged(GridStatusSnapshot? previous, GridStatusSnapshot current) =>
        _beepDue |= _enabled && HasNewHighPriorityAlarm(previous, current);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_beepDue && _module is not null)
        {
            _beepDue = false;
            await _module.InvokeVoidAsync("beep", Loads.Token);
        }
    }

    private async Task ToggleAsync()
    {
        _enabled = !_enabled;
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", Loads.Token, "./" + Assets["Components/Pages/Wall/AudibleAlarmToggle.razor.js"]);
        await _module.InvokeVoidAsync(_enabled ? "enable" : "disable", Loads.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("disable");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone and the page's audio with it.
            }
        }
    }
}
