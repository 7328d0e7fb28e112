namespace Flux.OpsCenter.Web.Identity;

/// <summary>
/// Who the user is and what they may do, bound from <c>OpsCenter:Identity</c>. In SPCS mode the ingress names the user
/// and <see cref="Users"/> gives the role; elsewhere everyone is the one local identity.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "OpsCenter:Identity";

    /// <summary>The name recorded on actions outside SPCS mode (a desk or a laptop with no sign-in).</summary>
    public string LocalUser { get; set; } = "local operator";

    /// <summary>The role of <see cref="LocalUser"/>.</summary>
    public string LocalRole { get; set; } = OpsCenterRoles.Operator;

    /// <summary>Ingress user name (as Snowflake spells it, case-insensitive) to app role, e.g. <c>JANE_DOE: Supervisor</c>.</summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The role of an ingress user not listed in <see cref="Users"/>: read-only unless someone says otherwise.</summary>
    public string DefaultRole { get; set; } = OpsCenterRoles.Viewer;

    /// <summary>
    /// Browser origins, besides the app's own, allowed to open <c>/hubs/grid-status</c> (e.g. <c>https://wall.example.com</c>).
    /// Clients that send no Origin (services, scripts) are not browsers and are let through.
    /// </summary>
    public List<string> AllowedHubOrigins { get; set; } = [];

    /// <summary>The role of an ingress user.</summary>
    public string RoleOf(string user)
    {
        foreach (var (name, role) in Users)
        {
            if (string.Equals(name.Trim(), user, StringComparison.OrdinalIgnoreCase))
            {
                return OpsCenterRoles.Canonical(role) ?? DefaultRole;
            }
        }

        return OpsCenterRoles.Canonical(DefaultRole) ?? OpsCenterRoles.Viewer;
    }
}
