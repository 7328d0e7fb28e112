using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>Fails start-up with messages that name each missing or contradictory <c>OpsCenter:Snowflake</c> setting.</summary>
public sealed class SnowflakeOptionsValidator : IValidateOptions<SnowflakeOptions>
{
    private const string Section = SnowflakeOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SnowflakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Auth is not { } auth || !Enum.IsDefined(auth))
        {
            failures.Add($"{Section}:Auth must be Spcs (inside Snowpark Container Services), KeyPair or Pat.");
        }

        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{Section}:BaseUrl '{url}' must be an absolute http(s) URL.");
        }

        if (options.Auth == SnowflakeAuthMode.Spcs)
        {
            if (options.BaseUrl is null && Blank(options.Host))
            {
                failures.Add($"{Section}:Host is empty and SNOWFLAKE_HOST is not set; Auth=Spcs only works inside a Snowpark Container Services service.");
            }

            if (Blank(options.SpcsTokenPath))
            {
                failures.Add($"{Section}:SpcsTokenPath must name the mounted OAuth token file ({SnowflakeOptions.DefaultSpcsTokenPath}).");
            }

            if (!Blank(options.Token) || !Blank(options.PrivateKeyPath))
            {
                failures.Add($"{Section}:Token and {Section}:PrivateKeyPath must be empty when Auth=Spcs; the service uses the token Snowflake mounts.");
            }
        }
        else
        {
            if (Blank(options.Account))
            {
                failures.Add($"{Section}:Account is required (e.g. myorg-myaccount) when {Section}:Auth is not Spcs.");
            }

            if (Blank(options.Warehouse))
            {
                failures.Add($"{Section}:Warehouse is required outside SPCS (SPCS falls back to the service's QUERY_WAREHOUSE).");
            }
        }

        if (Blank(options.Database))
        {
            failures.Add($"{Section}:Database is required: the database holding the APPLICATIONS views.");
        }

        if (options.Auth == SnowflakeAuthMode.KeyPair)
        {
            if (Blank(options.User))
            {
                failures.Add($"{Section}:User is required when Auth=KeyPair.");
            }

            if (Blank(options.PrivateKeyPath))
            {
                failures.Add($"{Section}:PrivateKeyPath is required when Auth=KeyPair: a PEM file with the user's PKCS#8 RSA private key.");
            }
            else if (!File.Exists(options.PrivateKeyPath))
            {
                failures.Add($"{Section}:PrivateKeyPath '{options.PrivateKeyPath}' does not exist.");
            }

            if (!Blank(options.Token))
            {
                failures.Add($"{Section}:Token must be empty when Auth=KeyPair; it is only used with Auth=Pat.");
            }
        }

        if (options.Auth == SnowflakeAuthMode.Pat)
        {
            if (Blank(options.Token))
            {
                failures.Add($"{Section}:Token is required when Auth=Pat; set it with the environment variable OpsCenter__Snowflake__Token.");
            }

            if (!Blank(options.PrivateKeyPath))
            {
                failures.Add($"{Section}:PrivateKeyPath must be empty when Auth=Pat; it is only used with Auth=KeyPair.");
            }
        }

        CheckPositive(failures, options.RequestTimeout, "RequestTimeout");
        CheckPositive(failures, options.PollInterval, "PollInterval");
        CheckPositive(failures, options.RetryBaseDelay, "RetryBaseDelay");
        CheckPositive(failures, options.BreakDuration, "BreakDuration");
        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add($"{Section}:MaxRetryAttempts is {options.MaxRetryAttempts}; use 0 to 10.");
        }

        if (options.JwtLifetime <= TimeSpan.Zero || options.JwtLifetime > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:JwtLifetime must be positive and at most one hour (Snowflake's limit).");
        }

        if (options.JwtRenewAfter <= TimeSpan.Zero || options.JwtRenewAfter >= options.JwtLifetime)
        {
            failures.Add($"{Section}:JwtRenewAfter must be positive and shorter than {Section}:JwtLifetime.");
        }

        // The options exception joins failures with "; ", so each reads as a clause.
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Select(f => f.TrimEnd('.')));
    }

    private static void CheckPositive(List<string> failures, TimeSpan value, string setting)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{setting} must be positive.");
        }
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
