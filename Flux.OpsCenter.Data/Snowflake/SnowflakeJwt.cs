using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>Key-pair authentication JWTs as Snowflake expects them: RS256, upper-case account and user, SHA-256 key fingerprint.</summary>
public static class SnowflakeJwt
{
    /// <summary><c>SHA256:</c> + base64 of the SHA-256 of the DER SubjectPublicKeyInfo; equals RSA_PUBLIC_KEY_FP of DESCRIBE USER.</summary>
    public static string PublicKeyFingerprint(RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "SHA256:" + Convert.ToBase64String(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>
    /// The account part of the claims: upper-case, and for a locator with region (<c>xy12345.us-east-1</c>) only the locator,
    /// as Snowflake's key-pair guide requires.
    /// </summary>
    public static string AccountForClaims(string account)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        var trimmed = account.Trim();
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        return (dot > 0 ? trimmed[..dot] : trimmed).ToUpperInvariant();
    }

    /// <summary>Creates a signed token valid from <paramref name="issuedAt"/> for <paramref name="lifetime"/>.</summary>
    public static string Create(string account, string user, RSA key, DateTimeOffset issuedAt, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        ArgumentNullException.ThrowIfNull(key);
        var qualifiedUser = $"{AccountForClaims(account)}.{user.Trim().ToUpperInvariant()}";
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["typ"] = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["iss"] = $"{qualifiedUser}.{PublicKeyFingerprint(key)}",
            ["sub"] = qualifiedUser,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = issuedAt.Add(lifetime).ToUnixTimeSeconds(),
        };
        var signingInput = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
