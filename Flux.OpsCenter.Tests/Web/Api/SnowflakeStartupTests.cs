using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

/// <summary>Choosing Snowflake without its settings stops the real process at start, naming what is missing.</summary>
public sealed class SnowflakeStartupTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Snowflake_without_an_account_refuses_to_start_naming_the_settings()
    {
        var outcome = await AppProcess.RunAsync(["--OpsCenter:Provider=Snowflake", "--OpsCenter:Snowflake:Auth=KeyPair"], Limit, TestContext.Current.CancellationToken);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Flux Operations Center cannot start", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("OpsCenter:Snowflake:Account", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("OpsCenter:Snowflake:User", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snowflake_with_nothing_configured_asks_for_the_auth_mode()
    {
        var outcome = await AppProcess.RunAsync(["--OpsCenter:Provider=Snowflake"], Limit, TestContext.Current.CancellationToken);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("OpsCenter:Snowflake:Auth", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("OpsCenter:Snowflake:Account", outcome.StandardError, StringComparison.Ordinal);
    }
}
