namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>How the SQL API client proves who it is.</summary>
public enum SnowflakeAuthMode
{
    /// <summary>Inside Snowpark Container Services: the OAuth token Snowflake mounts in the container, against <c>SNOWFLAKE_HOST</c>.</summary>
    Spcs,

    /// <summary>A JWT signed with the user's RSA private key (KEYPAIR_JWT).</summary>
    KeyPair,

    /// <summary>A programmatic access token (PROGRAMMATIC_ACCESS_TOKEN), supplied through the environment or a secret store.</summary>
    Pat,
}
