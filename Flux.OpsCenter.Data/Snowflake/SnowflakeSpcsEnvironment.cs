using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// Fills the blanks of SPCS mode from the variables Snowflake sets in every service container
/// (<c>SNOWFLAKE_HOST</c>, <c>SNOWFLAKE_ACCOUNT</c>, <c>SNOWFLAKE_DATABASE</c>, <c>SNOWFLAKE_SCHEMA</c>); explicit settings win.
/// </summary>
public sealed class SnowflakeSpcsEnvironment(Func<string, string?> environment) : IPostConfigureOptions<SnowflakeOptions>
{
    public SnowflakeSpcsEnvironment()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    public void PostConfigure(string? name, SnowflakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Auth != SnowflakeAuthMode.Spcs)
        {
            return;
        }

        options.Host = Blank(options.Host) ? environment("SNOWFLAKE_HOST") : options.Host;
        options.Account = Blank(options.Account) ? environment("SNOWFLAKE_ACCOUNT") : options.Account;
        options.Database = Blank(options.Database) ? environment("SNOWFLAKE_DATABASE") : options.Database;
        options.Schema = Blank(options.Schema) ? environment("SNOWFLAKE_SCHEMA") : options.Schema;
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
