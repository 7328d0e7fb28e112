namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>Settings bound from <c>OpsCenter:Snowflake</c>: where the SQL API lives, what it runs against and how it authenticates.</summary>
public sealed class SnowflakeOptions
{
    public const string SectionName = "OpsCenter:Snowflake";

    /// <summary>Where Snowflake mounts the service's OAuth token inside an SPCS container.</summary>
    public const string DefaultSpcsTokenPath = "/snowflake/session/token";

    /// <summary>Account identifier (<c>myorg-myaccount</c> or a locator); names the host and the JWT claims.</summary>
    public string? Account { get; set; }

    /// <summary>Host name of the SQL API; defaults to <c>{Account}.snowflakecomputing.com</c>, or <c>SNOWFLAKE_HOST</c> in SPCS.</summary>
    public string? Host { get; set; }

    /// <summary>Explicit endpoint URL that overrides Account and Host (a proxy, a private link, or a local fake).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Database the views live in (case-sensitive; SPCS falls back to <c>SNOWFLAKE_DATABASE</c>).</summary>
    public string? Database { get; set; }

    /// <summary>Default schema for unqualified names; every query file qualifies its views.</summary>
    public string? Schema { get; set; } = "APPLICATIONS";

    /// <summary>Warehouse that runs the queries; in SPCS the service's QUERY_WAREHOUSE is used when empty.</summary>
    public string? Warehouse { get; set; }

    /// <summary>Role to run as; the user's default role when empty.</summary>
    public string? Role { get; set; }

    /// <summary>Authentication mode: Spcs, KeyPair or Pat.</summary>
    public SnowflakeAuthMode? Auth { get; set; }

    /// <summary>Snowflake user name (KeyPair).</summary>
    public string? User { get; set; }

    /// <summary>PEM file holding the user's unencrypted PKCS#8 RSA private key (KeyPair).</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>Programmatic access token (Pat); set it through the environment or a secret store, never appsettings.</summary>
    public string? Token { get; set; }

    /// <summary>The SPCS OAuth token file, re-read before every request.</summary>
    public string SpcsTokenPath { get; set; } = DefaultSpcsTokenPath;

    /// <summary>Longest a single HTTP attempt may take before it counts as a transient failure and is retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a statement still running (202) is polled.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Retries of a request after 429, 503, 504 or a transport failure.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the circuit stays open after too many failures.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Key-pair JWT lifetime; Snowflake accepts at most one hour.</summary>
    public TimeSpan JwtLifetime { get; set; } = TimeSpan.FromMinutes(59);

    /// <summary>Age at which a key-pair JWT is replaced, safely before it expires.</summary>
    public TimeSpan JwtRenewAfter { get; set; } = TimeSpan.FromMinutes(54);
}
