namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>Supplies the bearer token for each SQL API request; one implementation per <see cref="SnowflakeAuthMode"/>.</summary>
public interface ISnowflakeTokenProvider
{
    /// <summary>The token to send now; <paramref name="forceRefresh"/> after a 401 discards any cached token.</summary>
    ValueTask<SnowflakeToken> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
