using Flux.OpsCenter.Data.Snowflake;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Hands out token-1, then a new token each time a refresh is forced, counting the refreshes.</summary>
internal sealed class CountingTokenProvider : ISnowflakeTokenProvider
{
    private int _generation = 1;

    public int Refreshes { get; private set; }

    public ValueTask<SnowflakeToken> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (forceRefresh)
        {
            Refreshes++;
            _generation++;
        }

        return ValueTask.FromResult(new SnowflakeToken($"token-{_generation}", SnowflakeToken.OAuth));
    }
}
