using System.Security.Claims;
using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Data.Spatial;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Authorization;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>
/// Switching-plan writes a user asks for, checked against their role on the server and recorded under their name; the
/// plan page and the API both come through here. After a step runs every open page is told: the monitor polls now and
/// the map's index is recoloured, which pushes the new device state to every open map.
/// </summary>
public sealed class AuthorizedSwitching(
    SwitchingPlanService plans,
    IAuthorizationService authorization,
    IStatusPollSignal monitor,
    GridSpatialIndexProvider mapIndex)
{
    /// <summary>Saves a plan, or null when the user may not operate.</summary>
    public async Task<SwitchingPlanSaveResult?> SaveAsync(ClaimsPrincipal user, string name, IReadOnlyList<SwitchingStep> steps, CancellationToken cancellationToken) =>
        await OperatorNameAsync(user) is { } operatorName ? await plans.SaveAsync(name, steps, operatorName, cancellationToken) : null;

    /// <summary>Runs a plan (or its next step), or null when the user may not operate; a plan not found is a result with a null plan.</summary>
    public async Task<(bool Allowed, SwitchingPlanRunResult? Result)> RunAsync(ClaimsPrincipal user, string planId, int? onlyStep, CancellationToken cancellationToken)
    {
        if (await OperatorNameAsync(user) is not { } operatorName)
        {
            return (false, null);
        }

        var result = await plans.RunAsync(planId, onlyStep, operatorName, cancellationToken);
        if (result is { Applied.Count: > 0 })
        {
            monitor.PollNow();
            // Recolour only an index some map already built: a write should not pay for building one nobody looks at.
            if (mapIndex.Current is not null)
            {
                await mapIndex.RefreshStatusAsync(cancellationToken);
            }
        }

        return (true, result);
    }

    /// <summary>Cancels an open plan; null when the user may not operate, false when the plan is not open.</summary>
    public async Task<bool?> CancelAsync(ClaimsPrincipal user, string planId, CancellationToken cancellationToken) =>
        await OperatorNameAsync(user) is { } operatorName ? await plans.CancelAsync(planId, operatorName, cancellationToken) : null;

    /// <summary>Whether the user may take operator actions, for showing or hiding write controls.</summary>
    public async Task<bool> MayOperateAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, OpsCenterPolicies.Operate)).Succeeded;

    private async Task<string?> OperatorNameAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await MayOperateAsync(user) && user.Identity?.Name is { Length: > 0 } name ? name : null;
    }
}
