using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Web.Api;

/// <summary>Bad configuration stops the real process at start with a message that names the setting.</summary>
public sealed class StartupConfigurationTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Unknown_provider_fails_start_naming_the_setting()
    {
        var outcome = await AppProcess.RunAsync(["--OpsCenter:Provider=Oracle"], Limit, TestContext.Current.CancellationToken);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("OpsCenter:Provider", outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_preset_fails_start_naming_the_setting()
    {
        var outcome = await AppProcess.RunAsync(["--OpsCenter:Embedded:Preset=atlantis"], Limit, TestContext.Current.CancellationToken);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("OpsCenter:Embedded:Preset", outcome.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--OpsCenter:Snowflake:Auth=Bogus", "OpsCenter:Snowflake:Auth")]
    [InlineData("--OpsCenter:Snowflake:RequestTimeout=abc", "OpsCenter:Snowflake:RequestTimeout")]
    public async Task A_setting_that_cannot_be_converted_fails_start_with_a_message_not_a_crash(string setting, string key)
    {
        var outcome = await AppProcess.RunAsync(["--OpsCenter:Provider=Snowflake", setting], Limit, TestContext.Current.CancellationToken);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("cannot start", outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains(key, outcome.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_database_fails_start_naming_the_file_and_the_rebuild_switch()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flux-corrupt-app-").FullName, "flux.duckdb");
        await File.WriteAllTextAsync(path, "this is not a DuckDB file, it is a note", TestContext.Current.CancellationToken);

        var outcome = await AppProcess.RunAsync([$"--OpsCenter:Embedded:DatabasePath={path}"], Limit, TestContext.Current.CancellationToken);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(path, outcome.StandardError, StringComparison.Ordinal);
        Assert.Contains("OpsCenter:Embedded:Rebuild", outcome.StandardError, StringComparison.Ordinal);
    }
}
