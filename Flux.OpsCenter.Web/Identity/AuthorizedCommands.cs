using System.Security.Claims;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Authorization;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>
/// The writes a user asks for, checked against their role on the server and recorded under their name. The UI and the
/// API both come through here, so a hidden button is never the only guard.
/// </summary>
public sealed class AuthorizedCommands(GridCommands commands, IAuthorizationService authorization, IStatusPollSignal monitor, TimeProvider clock)
{
    public async Task<AcknowledgeOutcome> AcknowledgeAlarmAsync(ClaimsPrincipal user, string alarmId, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await MayOperateAsync(user) || user.Identity?.Name is not { Length: > 0 } name)
        {
            return AcknowledgeOutcome.Forbidden;
        }

        var written = await commands.AcknowledgeAlarmAsync(alarmId, name, comment, clock.GetUtcNow(), cancellationToken);
        // Every open page shows the acknowledgement at the next poll; ask for it now instead of in half a second.
        monitor.PollNow();
        return written ? AcknowledgeOutcome.Acknowledged : AcknowledgeOutcome.AlreadyAcknowledged;
    }

    /// <summary>Acknowledges the selected alarms with one comment in one transaction; returns how many were newly acknowledged, or null when forbidden.</summary>
    public async Task<int?> AcknowledgeAlarmsAsync(ClaimsPrincipal user, IReadOnlyCollection<string> alarmIds, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await MayOperateAsync(user) || user.Identity?.Name is not { Length: > 0 } name)
        {
            return null;
        }

        var written = await commands.AcknowledgeAlarmsAsync(alarmIds, name, comment, clock.GetUtcNow(), cancellationToken);
        monitor.PollNow();
        return written;
    }

    /// <summary>Shelves an alarm for <paramref name="duration"/> from now with a reason.</summary>
    public async Task<AlarmWriteOutcome> ShelveAlarmAsync(ClaimsPrincipal user, string alarmId, string reason, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await MayOperateAsync(user) || user.Identity?.Name is not { Length: > 0 } name)
        {
            return AlarmWriteOutcome.Forbidden;
        }

        var now = clock.GetUtcNow();
        var written = await commands.ShelveAlarmAsync(alarmId, name, reason, now, now + duration, cancellationToken);
        monitor.PollNow();
        return written ? AlarmWriteOutcome.Written : AlarmWriteOutcome.Unchanged;
    }

    /// <summary>Returns a shelved alarm to the list before its shelf expires.</summary>
    public async Task<AlarmWriteOutcome> UnshelveAlarmAsync(ClaimsPrincipal user, string alarmId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await MayOperateAsync(user) || user.Identity?.Name is not { Length: > 0 } name)
        {
            return AlarmWriteOutcome.Forbidden;
        }

        var written = await commands.UnshelveAlarmAsync(alarmId, name, clock.GetUtcNow(), cancellationToken);
        monitor.PollNow();
        return written ? AlarmWriteOutcome.Written : AlarmWriteOutcome.Unchanged;
    }

    /// <summary>Whether the user may see supervisor views (alarm-rate figures).</summary>
    public async Task<bool> MaySuperviseAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, OpsCenterPolicies.Supervise)).Succeeded;

    /// <summary>Whether the user may take operator actions, for showing or hiding write controls.</summary>
    public async Task<bool> MayOperateAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, OpsCenterPolicies.Operate)).Succeeded;
}
