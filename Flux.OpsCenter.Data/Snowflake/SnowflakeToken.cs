namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>A bearer token and the value of <c>X-Snowflake-Authorization-Token-Type</c> that tells Snowflake what it is.</summary>
public sealed record SnowflakeToken(string Value, string TokenType)
{
    public const string OAuth = "OAUTH";
    public const string KeyPairJwt = "KEYPAIR_JWT";
    public const string ProgrammaticAccessToken = "PROGRAMMATIC_ACCESS_TOKEN";

    /// <summary>Never print the token itself.</summary>
    public override string ToString() => $"{TokenType} token ({Value.Length} characters)";
}
