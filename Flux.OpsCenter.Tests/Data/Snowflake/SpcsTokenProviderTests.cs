using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Snowflake;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>The SPCS token is re-read from its file for every request and sent as OAUTH.</summary>
public sealed class SpcsTokenProviderTests
{
    [Fact]
    public async Task Every_request_reads_the_current_token_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("flux-spcs-").FullName, "token");
        await File.WriteAllTextAsync(path, "first-token\n", TestContext.Current.CancellationToken);
        var api = new FakeSqlApi();
        using var host = new SnowflakeTestSource(api, o =>
        {
            o.Auth = SnowflakeAuthMode.Spcs;
            o.SpcsTokenPath = path;
            o.PrivateKeyPath = null;
        });

        await host.Source.QueryAsync(Flux.OpsCenter.Data.Queries.QueryCatalog.Request("GetKpis"), r => 0, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(path, "rotated-token", TestContext.Current.CancellationToken);
        await host.Source.QueryAsync(Flux.OpsCenter.Data.Queries.QueryCatalog.Request("GetKpis"), r => 0, TestContext.Current.CancellationToken);

        Assert.Equal(["Bearer first-token", "Bearer rotated-token"], api.Calls.Select(c => c.Header("Authorization")));
        Assert.All(api.Calls, c => Assert.Equal("OAUTH", c.Header(SnowflakeAuthHandler.TokenTypeHeader)));
    }

    [Fact]
    public async Task A_missing_token_file_is_an_unavailable_error_naming_the_file()
    {
        var provider = new SpcsTokenProvider(Options.Create(new SnowflakeOptions { SpcsTokenPath = "/nonexistent/snowflake/token" }));

        var error = await Assert.ThrowsAsync<FluxDataException>(() => provider.GetTokenAsync(false, TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(DataErrorKind.Unavailable, error.Kind);
        Assert.Contains("/nonexistent/snowflake/token", error.Message, StringComparison.Ordinal);
    }
}
