using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>
/// Outside SPCS nobody signs in: every request is the configured local identity (by default a local operator).
/// Request headers are never consulted, so a forged <c>Sf-Context-Current-User</c> changes nothing.
/// </summary>
public sealed class LocalIdentityAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<IdentityOptions> identity) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Local";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var local = identity.CurrentValue;
        var principal = OpsCenterPrincipal.Create(local.LocalUser.Trim(), OpsCenterRoles.Canonical(local.LocalRole) ?? OpsCenterRoles.Viewer, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
