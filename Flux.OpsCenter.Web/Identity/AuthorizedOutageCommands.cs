using System.Security.Claims;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Live;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>
/// The outage lifecycle writes a user asks for, checked against their role on the server (the Operate policy) and recorded
/// under their name. The outage page and the API both come through here.
/// </summary>
public sealed class AuthorizedOutageCommands(OutageWorkflow workflow, AuthorizedCommands authority, IStatusPollSignal monitor, TimeProvider clock)
{
    /// <summary>Applies <paramref name="command"/> for <paramref name="user"/>; null when their role may not operate.</summary>
    public async Task<OutageTransitionResult?> ApplyAsync(ClaimsPrincipal user, OutageCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await authority.MayOperateAsync(user) || user.Identity?.Name is not { Length: > 0 } name)
        {
            return null;
        }

        var result = await workflow.ApplyAsync(command, name, clock.GetUtcNow(), cancellationToken);
        if (result.Outcome == OutageTransitionOutcome.Applied)
        {
            // Every open page shows the step at the next poll; ask for it now instead of in half a second.
            monitor.PollNow();
        }

        return result;
    }
}
