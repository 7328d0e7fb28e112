using System.Security.Claims;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>The one shape of a signed-in user: a name and one app role, whichever scheme vouched for them.</summary>
public static class OpsCenterPrincipal
{
    public static ClaimsPrincipal Create(string name, string role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>The user's app role, or null for an anonymous principal.</summary>
    public static string? RoleOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(ClaimTypes.Role)?.Value;
    }
}
