using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>
/// Turns the <c>Sf-Context-Current-User</c> header into the request's user, with the role <see cref="IdentityOptions"/>
/// maps it to. Registered only in SPCS mode, where the Snowflake ingress authenticates every caller, sets this header
/// and strips any copy the client sent.
/// </summary>
public sealed class SpcsUserAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<IdentityOptions> identity) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Spcs";
    public const string UserHeader = "Sf-Context-Current-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString().Trim();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = OpsCenterPrincipal.Create(user, identity.CurrentValue.RoleOf(user), SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
