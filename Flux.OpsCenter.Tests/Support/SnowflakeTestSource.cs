using System.Security.Cryptography;
using Flux.OpsCenter.Data.Snowflake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>The real Snowflake source and HttpClient pipeline, wired to a <see cref="FakeSqlApi"/> in memory.</summary>
internal sealed class SnowflakeTestSource : IDisposable
{
    private readonly ServiceProvider _services;

    public SnowflakeTestSource(FakeSqlApi api, Action<SnowflakeOptions>? configure = null, ISnowflakeTokenProvider? tokens = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        if (tokens is not null)
        {
            services.AddSingleton(tokens);
        }

        services.AddOptions<SnowflakeOptions>().Configure(options =>
        {
            options.Auth = SnowflakeAuthMode.KeyPair;
            options.Account = "myorg-myaccount";
            options.User = "flux_reader";
            options.PrivateKeyPath = KeyPath.Value;
            options.BaseUrl = new Uri("https://fake.snowflake.test/");
            options.Database = "FLUX_OPS";
            options.Schema = "APPLICATIONS";
            options.Warehouse = "FLUX_WH";
            options.Role = "FLUX_READER";
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            options.PollInterval = TimeSpan.FromMilliseconds(5);
            options.MaxRetryAttempts = 3;
            configure?.Invoke(options);
        });
        services.AddSnowflakeSqlSource().ConfigurePrimaryHttpMessageHandler(() => new FakeSqlApiHandler(api));

        // The machine's own SNOWFLAKE_* variables must not leak into SPCS-mode tests.
        services.RemoveAll<Microsoft.Extensions.Options.IPostConfigureOptions<SnowflakeOptions>>();
        _services = services.BuildServiceProvider();
        Source = _services.GetRequiredService<SnowflakeSqlSource>();
    }

    /// <summary>A throwaway RSA key in PEM, shared by the tests of one run.</summary>
    public static readonly Lazy<string> KeyPath = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(Directory.CreateTempSubdirectory("flux-snowflake-key-").FullName, "rsa_key.p8");
        File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        return path;
    });

    public SnowflakeSqlSource Source { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
