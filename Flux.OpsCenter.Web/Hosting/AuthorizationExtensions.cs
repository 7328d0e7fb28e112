using Flux.OpsCenter.Data.Snowflake;
using Flux.OpsCenter.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>
/// Identity and roles (DESIGN.md §13): in SPCS mode the ingress user with a configured role, elsewhere the local identity;
/// every write is authorised on the server by policy, and the status hub refuses other origins.
/// </summary>
public static class AuthorizationExtensions
{
    public static WebApplicationBuilder AddOpsCenterAuthorization(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        services.AddHttpContextAccessor();

        // The ingress header is trusted only where the ingress is the only way in: the Snowflake source with Auth=Spcs.
        var spcs = IsSpcs(builder.Configuration[$"{OpsCenterOptions.SectionName}:Provider"], builder.Configuration[$"{SnowflakeOptions.SectionName}:Auth"]);
        var authentication = services.AddAuthentication(spcs ? SpcsUserAuthenticationHandler.SchemeName : LocalIdentityAuthenticationHandler.SchemeName);
        if (spcs)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, SpcsUserAuthenticationHandler>(SpcsUserAuthenticationHandler.SchemeName, null);
        }
        else
        {
            authentication.AddScheme<AuthenticationSchemeOptions, LocalIdentityAuthenticationHandler>(LocalIdentityAuthenticationHandler.SchemeName, null);
        }

        services.AddOpsCenterPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemDetailsAuthorizationResultHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<ICurrentOperator, SignedInOperator>();
        services.AddSingleton<AuthorizedCommands>();
        return builder;
    }

    /// <summary>The policies every write names, and a fallback that refuses callers nobody vouched for.</summary>
    public static IServiceCollection AddOpsCenterPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(OpsCenterPolicies.Operate, policy => policy.RequireAuthenticatedUser().RequireRole(OpsCenterRoles.Operators))
            .AddPolicy(OpsCenterPolicies.Supervise, policy => policy.RequireAuthenticatedUser().RequireRole(OpsCenterRoles.Supervisors))
            // In SPCS mode: a request that did not come through the ingress. The local identity always passes.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>Authentication, authorization and the hub's origin check; before antiforgery, which reads the user.</summary>
    public static WebApplication UseOpsCenterAuthorization(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<SameOriginOnlyMiddleware>();
        return app;
    }

    /// <summary>Browsers may connect only from the app's own origin or <c>OpsCenter:Identity:AllowedHubOrigins</c>.</summary>
    public static TBuilder RequireSameOrigin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(new SameOriginOnlyMetadata()));
        return builder;
    }

    private static bool IsSpcs(string? provider, string? auth) =>
        string.Equals(provider, ProviderNames.Snowflake, StringComparison.OrdinalIgnoreCase)
        && Enum.TryParse<SnowflakeAuthMode>(auth, ignoreCase: true, out var mode)
        && mode == SnowflakeAuthMode.Spcs;
}
