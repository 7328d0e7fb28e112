namespace Flux.OpsCenter.Web.Identity;

/// <summary>Trusts the SPCS ingress's user header; only called when the Snowflake source runs with Auth=Spcs.</summary>
public static class SpcsIdentityExtensions
{
    public static IServiceCollection AddSpcsIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddAuthentication(SpcsUserAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SpcsUserAuthenticationHandler>(SpcsUserAuthenticationHandler.SchemeName, null);
        services.AddScoped<ICurrentOperator, SpcsCurrentOperator>();
        return services;
    }
}
