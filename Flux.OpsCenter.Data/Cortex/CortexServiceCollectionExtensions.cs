using Flux.OpsCenter.Data.Snowflake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flux.OpsCenter.Data.Cortex;

/// <summary>Registers the Grid Intelligence chat's Cortex client (Snowflake mode only; it needs the SQL API's registrations).</summary>
public static class CortexServiceCollectionExtensions
{
    /// <summary>Name of the resilience pipeline on the Cortex HttpClient.</summary>
    public const string PipelineName = "snowflake-cortex-agents";

    /// <summary>Adds <see cref="CortexAgentClient"/>; call after <see cref="SnowflakeServiceCollectionExtensions.AddSnowflakeSqlSource"/>.</summary>
    public static IHttpClientBuilder AddCortexAgentClient(this IServiceCollection services)
    {
        services.AddOptions<CortexAgentOptions>();
        services.TryAddSingleton<CortexAgentClient>();
        return services.AddSnowflakeHttpClient(CortexAgentClient.HttpClientName, PipelineName);
    }
}
