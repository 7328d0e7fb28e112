using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Data.Queries;
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
            services.AddSingleton<ISqlSource>(sp => sp.GetRequiredService<EmbeddedDatabaseHost>().GetSource());
        }

        services.AddSingleton<GridQueries>();
        services.AddSingleton<Flux.OpsCenter.Data.Analysis.CascadeService>();
        services.AddHostedService<CascadePrecomputeService>();
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddCheck<TerritoryReadinessCheck>("territory", tags: ["ready"]);
        services.AddProblemDetails();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return builder;
    }

    /// <summary>The Snowflake SQL API source arrives with issue #3; until then choosing it is a start-up error.</summary>
    private static void AddSnowflakeSource(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<ISqlSource>(_ => throw new OptionsValidationException(
            OpsCenterOptions.SectionName, typeof(OpsCenterOptions),
            [$"{OpsCenterOptions.SectionName}:Provider=Snowflake is not available in this build; use {ProviderNames.Embedded}."]));
}
