using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>Sends the configured programmatic access token; it cannot be renewed by the app, so a 401 stays a 401.</summary>
public sealed class ProgrammaticAccessTokenProvider(IOptions<SnowflakeOptions> options) : ISnowflakeTokenProvider
{
    public ValueTask<SnowflakeToken> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new SnowflakeToken(
            options.Value.Token ?? throw new FluxDataException(DataSourceKind.Snowflake, DataErrorKind.Unavailable, $"{SnowflakeOptions.SectionName}:Token is not set."),
            SnowflakeToken.ProgrammaticAccessToken));
}
