using Flux.OpsCenter.Data.Cortex;
using Flux.OpsCenter.Data.Snowflake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>The real Cortex client and its HttpClient pipeline (retries, token refresh), wired to a <see cref="FakeCortexApi"/>.</summary>
internal sealed class CortexTestClient : IDisposable
{
    private readonly ServiceProvider _services;

    public CortexTestClient(FakeCortexApi api, CountingTokenProvider? tokens = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ISnowflakeTokenProvider>(tokens ?? new CountingTokenProvider());
        services.AddOptions<SnowflakeOptions>().Configure(options =>
        {
            options.Auth = SnowflakeAuthMode.Pat;
            options.Token = "unused";
            options.Account = "myorg-myaccount";
            options.BaseUrl = new Uri("https://fake.snowflake.test/");
            options.Database = "FLUX_OPS";
            options.Warehouse = "FLUX_WH";
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            options.MaxRetryAttempts = 3;
        });
        services.AddSnowflakeSqlSource();
        services.AddCortexAgentClient().ConfigurePrimaryHttpMessageHandler(() => api).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.RemoveAll<IPostConfigureOptions<SnowflakeOptions>>();
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<CortexAgentClient>();
    }

    public CortexAgentClient Client { get; }

    public void Dispose() => _services.Dispose();
}
