using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Cortex;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Data.Snowflake;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Web.Assistant;
using Flux.OpsCenter.Web.Clock;
using Flux.OpsCenter.Web.Diagnostics;
using Flux.OpsCenter.Web.Hubs;
using Flux.OpsCenter.Web.Live;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Flux.OpsCenter.Data.Spatial;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Composition of the app: options, the data source, query services and the UI.</summary>
public static class OpsCenterServiceExtensions
{
    public static WebApplicationBuilder AddOpsCenter(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OpsCenterOptions>().BindConfiguration(OpsCenterOptions.SectionName).ValidateOnStart();
        services.AddOptions<EmbeddedOptions>().BindConfiguration(EmbeddedOptions.SectionName);
        services.AddSingleton<IValidateOptions<OpsCenterOptions>, OpsCenterOptionsValidator>();

        var provider = builder.Configuration[$"{OpsCenterOptions.SectionName}:Provider"] ?? ProviderNames.Embedded;
        if (string.Equals(provider, ProviderNames.Snowflake, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddSnowflakeSource();
        }
        else
        {
            services.AddSingleton<EmbeddedDatabaseHost>();
            services.AddHostedService<EmbeddedDatabaseInitializer>();
            services.AddSingleton<ISqlSource, EmbeddedSqlSource>();
            services.AddSingleton<Flux.OpsCenter.Data.Analysis.IGridGraphPreparer>(sp =>
                new EmbeddedGridGraphPreparer(sp.GetRequiredService<EmbeddedDatabaseHost>().GetSource));
            services.AddSingleton<TelemetryHistoryService>();
            services.AddHostedService(sp => sp.GetRequiredService<TelemetryHistoryService>());

            // The simulator writes to the embedded file only; against Snowflake the utility's systems make the news.
            services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName);
            services.AddSingleton(sp => new LiveEventSimulator(
                sp.GetRequiredService<ISqlSource>(), sp.GetRequiredService<IOptions<SimulatorOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
            services.AddHostedService<SimulatorService>();
        }

        builder.AddOpsCenterAuthorization();
        // A failing background job (map warm-up, cascade precompute) is logged and the console keeps serving operators;
        // by default .NET would stop the whole host.
        services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        services.AddSingleton<GridQueries>();
        services.AddSingleton<WeatherQueries>();
        services.AddSingleton<VegetationQueries>();
        services.AddSingleton<TransformerRiskQueries>();
        services.AddSingleton<Flux.OpsCenter.Data.Analysis.Vegetation.VegetationIndexProvider>();
        services.AddSingleton<GridCommands>();
        services.AddOpsCenterLive();
        services.AddUtilityClock();
        services.AddSingleton<OutageQueries>();
        services.AddOutageWorkflow();
        services.AddSingleton<ReliabilityService>();
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.SectionName);
        services.AddSingleton<GridSpatialIndexProvider>();
        services.AddSingleton<GridMapSearch>();
        services.AddOpsCenterBasemap();
        services.AddHostedService<MapIndexWarmup>();
        services.AddHostedService<MapStatusFollower>();
        services.AddSingleton<Flux.OpsCenter.Data.Analysis.CascadeService>();
        services.AddHostedService<CascadePrecomputeService>();
        services.AddSingleton<Flux.OpsCenter.Data.Analysis.Network.NetworkService>();
        services.AddHostedService<NetworkStateFollower>();
        services.AddSingleton<Flux.OpsCenter.Data.Analysis.Network.SwitchingPlanService>();
        services.AddSingleton<Flux.OpsCenter.Web.Identity.AuthorizedSwitching>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OpenCircuits>();
        services.AddScoped<CircuitHandler, OpenCircuitsHandler>();
        services.AddSingleton<MemoryDiagnostics>();
        services.AddSingleton<AssistantThreadStore>();

        // The chat exists only where Cortex does: against Snowflake, unless switched off.
        services.AddSingleton(sp => new GridIntelligence(
            sp.GetRequiredService<IOptions<CortexAgentOptions>>().Value.Enabled ? sp.GetService<CortexAgentClient>() : null,
            sp.GetRequiredService<AssistantThreadStore>()));
        services.AddHealthChecks().AddCheck<TerritoryReadinessCheck>("territory", tags: ["ready"]);
        services.AddProblemDetails();
        services.AddOpsCenterApi();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return builder;
    }

    private static void AddOpsCenterLive(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.SectionName);
        services.AddSingleton<GridStatusFeed>();
        services.AddSingleton<GridStatusMonitor>();
        services.AddSingleton<IStatusPollSignal>(sp => sp.GetRequiredService<GridStatusMonitor>());
        services.AddHostedService(sp => sp.GetRequiredService<GridStatusMonitor>());
        services.AddHostedService<GridStatusBroadcaster>();
        services.AddSignalR().AddMessagePackProtocol();
    }

    /// <summary>
    /// The Snowflake SQL API source (issue #3), validated on start. Who the user is (the ingress header with Auth=Spcs)
    /// is decided in <see cref="AuthorizationExtensions"/>.
    /// </summary>
    private static void AddSnowflakeSource(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SnowflakeOptions>().BindConfiguration(SnowflakeOptions.SectionName);
        builder.Services.AddSnowflakeSqlSource();
        builder.Services.AddOptions<CortexAgentOptions>().BindConfiguration(CortexAgentOptions.SectionName);
        builder.Services.AddCortexAgentClient();
    }
}
