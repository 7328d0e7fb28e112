using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Web.Api;
using Flux.OpsCenter.Web.Components;
using Flux.OpsCenter.Web.Diagnostics;
using Flux.OpsCenter.Web.Hubs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>The request pipeline and endpoints: security headers, health, read API and the Blazor app.</summary>
public static class OpsCenterEndpointExtensions
{
    public static WebApplication MapOpsCenter(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseOpsCenterApi();
        app.UseOpsCenterAuthorization();
        app.UseAntiforgery();

        // Liveness: the process answers. Readiness: the database is open and the territory is complete.
        // Anonymous: SPCS probes the container directly, not through the ingress that names the user.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

        app.MapReadApi();
        app.MapAlarmApi();
        app.MapOutageApi();
        app.MapHub<GridStatusHub>("/hubs/grid-status").RequireSameOrigin();
        app.MapReliabilityApi();
        app.MapMapApi();
        app.MapBasemapApi();
        app.MapCascadeApi();
        app.MapTraceApi();
        app.MapSwitchingApi();
        app.MapWeatherApi();
        app.MapVegetationApi();
        app.MapTransformerRiskApi();
        // The simulator exists only in embedded mode; its write endpoints only when asked for.
        if (app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(LiveEventSimulator))
            && app.Configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>()?.ControlApi == true)
        {
            app.MapSimulatorApi();
        }

        app.MapDiagnosticsApi();
        app.MapStaticAssets();
        // Our CSP already carries frame-ancestors; Blazor's own would add a second CSP header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
