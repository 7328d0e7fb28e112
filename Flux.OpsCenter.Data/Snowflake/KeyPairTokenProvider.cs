using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// Signs a key-pair JWT with the configured private key and reuses it until it reaches
/// <see cref="SnowflakeOptions.JwtRenewAfter"/>, so a new one replaces it well before it expires.
/// </summary>
public sealed class KeyPairTokenProvider : ISnowflakeTokenProvider, IDisposable
{
    private readonly SnowflakeOptions _options;
    private readonly TimeProvider _time;
    private readonly Lazy<RSA> _key;
    private readonly Lock _gate = new();
    private (string Jwt, DateTimeOffset IssuedAt)? _current;

    public KeyPairTokenProvider(IOptions<SnowflakeOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _key = new Lazy<RSA>(LoadKey);
    }

    /// <summary>When the token in use was signed, for tests and diagnostics.</summary>
    public DateTimeOffset? IssuedAt => _current?.IssuedAt;

    public ValueTask<SnowflakeToken> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (forceRefresh || _current is not { } current || now - current.IssuedAt >= _options.JwtRenewAfter)
            {
                var jwt = SnowflakeJwt.Create(_options.Account!, _options.User!, _key.Value, now, _options.JwtLifetime);
                _current = (jwt, now);
            }

            return ValueTask.FromResult(new SnowflakeToken(_current.Value.Jwt, SnowflakeToken.KeyPairJwt));
        }
    }

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }

    private RSA LoadKey()
    {
        var path = _options.PrivateKeyPath!;
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return rsa;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or CryptographicException or UnauthorizedAccessException)
        {
            rsa.Dispose();
            throw new FluxDataException(DataSourceKind.Snowflake, DataErrorKind.Unavailable,
                $"{SnowflakeOptions.SectionName}:PrivateKeyPath '{path}' does not hold a usable unencrypted PEM RSA private key: {ex.Message}", ex);
        }
    }
}
