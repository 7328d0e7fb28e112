using Flux.OpsCenter.Data.Snowflake;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>Missing or contradictory Snowflake settings fail with a message naming the setting.</summary>
public sealed class SnowflakeOptionsValidatorTests
{
    private static string[] Failures(SnowflakeOptions options) =>
        [.. new SnowflakeOptionsValidator().Validate(null, options).Failures ?? []];

    [Fact]
    public void Nothing_configured_names_auth_account_and_database()
    {
        var failures = string.Join("\n", Failures(new SnowflakeOptions()));

        Assert.Contains("OpsCenter:Snowflake:Auth", failures, StringComparison.Ordinal);
        Assert.Contains("OpsCenter:Snowflake:Account", failures, StringComparison.Ordinal);
        Assert.Contains("OpsCenter:Snowflake:Database", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_pair_needs_user_and_an_existing_key_file()
    {
        var failures = string.Join("\n", Failures(new SnowflakeOptions
        {
            Auth = SnowflakeAuthMode.KeyPair, Account = "a", Database = "D", Warehouse = "W", PrivateKeyPath = "/nonexistent/key.p8",
        }));

        Assert.Contains("OpsCenter:Snowflake:User", failures, StringComparison.Ordinal);
        Assert.Contains("OpsCenter:Snowflake:PrivateKeyPath '/nonexistent/key.p8' does not exist", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_next_to_a_key_pair_is_inconsistent()
    {
        var failures = Failures(new SnowflakeOptions
        {
            Auth = SnowflakeAuthMode.KeyPair, Account = "a", User = "u", Database = "D", Warehouse = "W",
            PrivateKeyPath = SnowflakeTestSource.KeyPath.Value, Token = "pat",
        });

        Assert.Equal("OpsCenter:Snowflake:Token must be empty when Auth=KeyPair; it is only used with Auth=Pat", Assert.Single(failures));
    }

    [Fact]
    public void Pat_needs_its_token()
    {
        var failures = Failures(new SnowflakeOptions { Auth = SnowflakeAuthMode.Pat, Account = "a", Database = "D", Warehouse = "W" });

        Assert.Contains("OpsCenter:Snowflake:Token is required", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Spcs_without_snowflake_host_says_it_only_works_inside_spcs()
    {
        var options = new SnowflakeOptions { Auth = SnowflakeAuthMode.Spcs, Database = "D" };
        new SnowflakeSpcsEnvironment(_ => null).PostConfigure(null, options);

        Assert.Contains("SNOWFLAKE_HOST", Assert.Single(Failures(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Spcs_takes_host_and_database_from_the_container_environment()
    {
        var environment = new Dictionary<string, string?> { ["SNOWFLAKE_HOST"] = "snowflake.internal", ["SNOWFLAKE_DATABASE"] = "FLUX_OPS" };
        var options = new SnowflakeOptions { Auth = SnowflakeAuthMode.Spcs };

        new SnowflakeSpcsEnvironment(name => environment.GetValueOrDefault(name)).PostConfigure(null, options);

        Assert.Empty(Failures(options));
        Assert.Equal(new Uri("https://snowflake.internal/"), SnowflakeServiceCollectionExtensions.ResolveEndpoint(options));
        Assert.Equal("FLUX_OPS", options.Database);
    }

    [Fact]
    public void Account_alone_gives_the_public_account_url()
    {
        Assert.Equal(new Uri("https://myorg-myaccount.snowflakecomputing.com/"),
            SnowflakeServiceCollectionExtensions.ResolveEndpoint(new SnowflakeOptions { Account = "MyOrg-MyAccount" }));
    }
}
