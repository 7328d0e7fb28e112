using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// Registers the Snowflake SQL API source: validated options, the token provider chosen by <see cref="SnowflakeOptions.Auth"/>,
/// and an HttpClient whose pipeline retries 429/503/504 and transport failures with jittered exponential backoff,
/// refreshes the token once after a 401, breaks the circuit on repeated failure and bounds every attempt.
/// A 422 (the SQL itself failed) is never retried.
/// </summary>
public static class SnowflakeServiceCollectionExtensions
{
    /// <summary>Name of the resilience pipeline on the Snowflake HttpClient.</summary>
    public const string PipelineName = "snowflake-sql-api";

    /// <summary>Adds <see cref="SnowflakeSqlSource"/> as the <see cref="ISqlSource"/>; bind <see cref="SnowflakeOptions"/> first.</summary>
    public static IHttpClientBuilder AddSnowflakeSqlSource(this IServiceCollection services)
    {
        services.AddOptions<SnowflakeOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SnowflakeOptions>, SnowflakeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<SnowflakeOptions>, SnowflakeSpcsEnvironment>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISnowflakeTokenProvider>(sp => sp.GetRequiredService<IOptions<SnowflakeOptions>>().Value.Auth switch
        {
            SnowflakeAuthMode.Spcs => ActivatorUtilities.CreateInstance<SpcsTokenProvider>(sp),
            SnowflakeAuthMode.KeyPair => ActivatorUtilities.CreateInstance<KeyPairTokenProvider>(sp),
            _ => ActivatorUtilities.CreateInstance<ProgrammaticAccessTokenProvider>(sp),
        });
        services.TryAddTransient<SnowflakeAuthHandler>();
        services.TryAddSingleton<SnowflakeSqlSource>();
        services.TryAddSingleton<ISqlSource>(sp => sp.GetRequiredService<SnowflakeSqlSource>());

        return services.AddSnowflakeHttpClient(SnowflakeSqlSource.HttpClientName, PipelineName);
    }

    /// <summary>
    /// A named HttpClient for a Snowflake REST API (the SQL API, Cortex): the endpoint from the options, the retry,
    /// token-refresh, circuit-breaker and per-attempt timeout pipeline under <paramref name="pipelineName"/>, and the auth
    /// handler inside it. Each API gets its own pipeline, so failures of one never open the other's circuit.
    /// </summary>
    internal static IHttpClientBuilder AddSnowflakeHttpClient(this IServiceCollection services, string clientName, string pipelineName)
    {
        services.TryAddTransient<SnowflakeAuthHandler>();
        var client = services.AddHttpClient(clientName, (sp, http) =>
            {
                http.BaseAddress = ResolveEndpoint(sp.GetRequiredService<IOptions<SnowflakeOptions>>().Value);

                // Polly bounds each attempt and the statement's own timeout bounds the whole call.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        client.AddResilienceHandler(pipelineName, static (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<SnowflakeOptions>>().Value;
            pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    Name = "transient",
                    MaxRetryAttempts = Math.Max(1, settings.MaxRetryAttempts),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.RetryBaseDelay,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(settings.MaxRetryAttempts > 0 && IsTransient(args.Outcome)),
                })
                .AddRetry(new HttpRetryStrategyOptions
                {
                    Name = "token-refresh",
                    MaxRetryAttempts = 1,
                    BackoffType = DelayBackoffType.Constant,
                    UseJitter = false,
                    Delay = TimeSpan.Zero,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.Unauthorized),
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = settings.BreakDuration,
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                })
                .AddTimeout(settings.RequestTimeout);
        });

        // Added after the resilience handler, so it sits inside it and runs on every attempt.
        client.AddHttpMessageHandler<SnowflakeAuthHandler>();
        return client;
    }

    /// <summary>BaseUrl when set, else <c>https://{Host}</c>, else <c>https://{Account}.snowflakecomputing.com</c>.</summary>
    public static Uri ResolveEndpoint(SnowflakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = options.BaseUrl?.ToString()
            ?? (!string.IsNullOrWhiteSpace(options.Host) ? $"https://{options.Host.Trim()}" : null)
            ?? (!string.IsNullOrWhiteSpace(options.Account) ? $"https://{options.Account.Trim().ToLowerInvariant()}.snowflakecomputing.com" : null)
            ?? throw new OptionsValidationException(SnowflakeOptions.SectionName, typeof(SnowflakeOptions),
                [$"{SnowflakeOptions.SectionName}:Account, Host or BaseUrl must say where Snowflake is."]);
        return new Uri(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
    }

    /// <summary>What the SQL API guide says to retry with backoff: 429, 503, 504, and requests that never got an answer.</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
