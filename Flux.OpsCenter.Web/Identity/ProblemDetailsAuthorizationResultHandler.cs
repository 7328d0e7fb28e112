using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>
/// A refused request gets problem details that say why (401: no ingress user; 403: the role may not do this) instead of
/// an empty body, so an external tool knows what to fix.
/// </summary>
public sealed class ProblemDetailsAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var forbidden = authorizeResult.Forbidden;
        var role = OpsCenterPrincipal.RoleOf(context.User);
        context.Response.StatusCode = forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = context.Response.StatusCode,
                Title = forbidden ? "Your role may not do this." : "Not signed in.",
                Detail = forbidden
                    ? $"User '{context.User.Identity?.Name}' has the role {role}; this needs {string.Join(" or ", OpsCenterRoles.Operators)} (OpsCenter:Identity:Users)."
                    : $"The request carries no {SpcsUserAuthenticationHandler.UserHeader} header: reach the app through the SPCS ingress.",
            },
        });
    }
}
