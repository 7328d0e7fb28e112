using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// Reads the OAuth token Snowflake mounts in an SPCS container before every request: it lives about ten minutes
/// and Snowflake rewrites the file, so a cached copy would expire under us.
/// </summary>
public sealed class SpcsTokenProvider(IOptions<SnowflakeOptions> options) : ISnowflakeTokenProvider
{
    public async ValueTask<SnowflakeToken> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var path = options.Value.SpcsTokenPath;
        try
        {
            var token = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
            return token.Length == 0
                ? throw Unavailable($"The SPCS token file '{path}' is empty.", null)
                : new SnowflakeToken(token, SnowflakeToken.OAuth);
        }
        catch (IOException ex)
        {
            throw Unavailable($"Cannot read the SPCS token file '{path}': {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw Unavailable($"Cannot read the SPCS token file '{path}': {ex.Message}", ex);
        }
    }

    private static FluxDataException Unavailable(string message, Exception? inner) =>
        new(DataSourceKind.Snowflake, DataErrorKind.Unavailable, message, inner);
}
