using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Flux.OpsCenter.Data.Snowflake;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>Key-pair JWTs: claims, fingerprint, signature and renewal.</summary>
public sealed class SnowflakeJwtTests
{
    // A throwaway public key and the fingerprint OpenSSL prints for it, as Snowflake's key-pair guide computes it:
    // openssl rsa -pubin -in key.pub -outform DER | openssl dgst -sha256 -binary | openssl enc -base64
    private const string KnownPublicKey = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs2O4XbBeHx8L1CCMtcdi
        zJuqNi1FgaG3B3TNWxn4TVKV9tnQDstpF/b9G2zabFRJhLWrPvQbYELVsE3DNyOq
        sIxKmgCX9TqU7vAytDSXnR+xHOm8is8yjN9KNPYYgzcomGIG2oGDnAVd6TrN7AQp
        2RhBpogcJyYBQnpodW4ok4G6919SvNn4Kp7ZhgbQxw+lanDhWFI7exObJHomccXo
        efjEoOWkqZ+PvJJHsUZ6PdwOb3WyyvjMc6KtsT/icxriyzowvGNDiRANNcKLhzBS
        30PMGYbKc1WM/MNZVIu4aGnhLlSoTFH9j0+kYM8pMjvijj35l2t4QWlzbRXn2sHl
        /wIDAQAB
        -----END PUBLIC KEY-----
        """;

    private const string KnownFingerprint = "SHA256:cdzMQITikNLpaccXqSGHQNLeHQNhPvSC/x6r0mWu89k=";

    [Fact]
    public void Fingerprint_is_sha256_of_the_der_subject_public_key_info()
    {
        using var rsa = RSA.Create(2048);
        var der = rsa.ExportSubjectPublicKeyInfo();
        var pem = rsa.ExportSubjectPublicKeyInfoPem();

        var fingerprint = SnowflakeJwt.PublicKeyFingerprint(rsa);

        // The PEM body is base64 of the same DER that Snowflake hashes for RSA_PUBLIC_KEY_FP.
        var fromPem = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
        Assert.Equal(der, fromPem);
        Assert.Equal("SHA256:" + Convert.ToBase64String(SHA256.HashData(fromPem)), fingerprint);
        Assert.Equal(51, fingerprint.Length);
    }

    [Fact]
    public void Fingerprint_matches_what_openssl_computes_for_a_known_key()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(KnownPublicKey);

        Assert.Equal(KnownFingerprint, SnowflakeJwt.PublicKeyFingerprint(rsa));
    }

    [Fact]
    public void Claims_are_upper_case_account_and_user_with_the_fingerprint_and_a_59_minute_life()
    {
        using var rsa = RSA.Create(2048);
        var issuedAt = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        var jwt = SnowflakeJwt.Create("xy12345.us-east-1", "flux_reader", rsa, issuedAt, TimeSpan.FromMinutes(59));

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        var header = Decode(parts[0]);
        var claims = Decode(parts[1]);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal("XY12345.FLUX_READER", claims.GetProperty("sub").GetString());
        Assert.Equal($"XY12345.FLUX_READER.{SnowflakeJwt.PublicKeyFingerprint(rsa)}", claims.GetProperty("iss").GetString());
        Assert.Equal(issuedAt.ToUnixTimeSeconds(), claims.GetProperty("iat").GetInt64());
        Assert.Equal(issuedAt.AddMinutes(59).ToUnixTimeSeconds(), claims.GetProperty("exp").GetInt64());
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Organisation_account_names_keep_their_hyphen_and_are_upper_cased()
    {
        Assert.Equal("MYORG-MYACCOUNT", SnowflakeJwt.AccountForClaims("myorg-myaccount"));
    }

    [Fact]
    public async Task The_token_is_reused_until_its_renewal_age_then_replaced_before_it_expires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new SnowflakeOptions { Account = "myorg-myaccount", User = "flux", PrivateKeyPath = SnowflakeTestSource.KeyPath.Value });
        using var provider = new KeyPairTokenProvider(options, time);
        var token = TestContext.Current.CancellationToken;

        var first = await provider.GetTokenAsync(false, token);
        time.Advance(TimeSpan.FromMinutes(53));
        var beforeRenewal = await provider.GetTokenAsync(false, token);
        time.Advance(TimeSpan.FromMinutes(1));
        var renewed = await provider.GetTokenAsync(false, token);

        Assert.Equal(SnowflakeToken.KeyPairJwt, first.TokenType);
        Assert.Equal(first.Value, beforeRenewal.Value);
        Assert.NotEqual(first.Value, renewed.Value);
        var expires = DateTimeOffset.FromUnixTimeSeconds(Decode(first.Value.Split('.')[1]).GetProperty("exp").GetInt64());
        Assert.True(time.GetUtcNow() < expires, "the old token must still be valid when it is replaced");
        Assert.Equal(time.GetUtcNow(), provider.IssuedAt);
    }

    [Fact]
    public async Task A_forced_refresh_signs_a_new_token()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new SnowflakeOptions { Account = "a", User = "u", PrivateKeyPath = SnowflakeTestSource.KeyPath.Value });
        using var provider = new KeyPairTokenProvider(options, time);
        var first = await provider.GetTokenAsync(false, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(5));

        var refreshed = await provider.GetTokenAsync(true, TestContext.Current.CancellationToken);

        Assert.NotEqual(first.Value, refreshed.Value);
    }

    private static JsonElement Decode(string part) => JsonDocument.Parse(Base64Url(part)).RootElement;

    private static byte[] Base64Url(string part)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
