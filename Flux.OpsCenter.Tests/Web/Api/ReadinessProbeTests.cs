using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Flux.OpsCenter.Tests.Web.Api;

/// <summary>
/// SPCS probes /readyz every few seconds; on Snowflake a statement per probe would keep the warehouse awake all day.
/// Readiness must come from the live monitor's last poll, so probing costs no statement at all.
/// </summary>
public sealed class ReadinessProbeTests : IAsyncLifetime
{
    private const int Probes = 20;
    private readonly FakeSqlApi _api = new();
    private readonly string _territory = TestTerritory.CreateCopy();
    private FakeSqlApiServer? _server;
    private SnowflakeAppFactory? _factory;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _api.Default = call => DuckDbBackedSqlApi.Answer(_territory, call);
        _server = await FakeSqlApiServer.StartAsync(_api, Token);
        _factory = new SnowflakeAppFactory(_server.BaseUrl);
        // One poll at start and none after it while the test probes: any KPI statement during the probes is the probe's.
        _factory.Settings["OpsCenter:Live:PollInterval"] = "01:00:00";
        _factory.Settings["OpsCenter:Live:IdlePollInterval"] = "01:00:00";
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Probing_readyz_runs_no_statement_against_the_warehouse()
    {
        using var client = _factory!.CreateClient();
        await LiveStatus.FirstPublishAsync(_factory.Services, Token);
        var kpiStatementsBefore = KpiStatements();

        for (var i = 0; i < Probes; i++)
        {
            var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Token);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Token));
        }

        // The monitor polled (once at start, perhaps again when the first watcher woke it); the probes added nothing.
        Assert.True(kpiStatementsBefore >= 1);
        Assert.Equal(kpiStatementsBefore, KpiStatements());
    }

    [Fact]
    public async Task Readyz_fails_once_the_last_poll_failed_without_querying_itself()
    {
        using var client = _factory!.CreateClient();
        await LiveStatus.FirstPublishAsync(_factory.Services, Token);
        var monitor = _factory.Services.GetRequiredService<GridStatusMonitor>();
        _api.Default = _ => FakeSqlApi.Failure(422);
        await monitor.PollOnceAsync(Token);
        var kpiStatements = KpiStatements();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), Token);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(kpiStatements, KpiStatements());
    }

    private int KpiStatements()
    {
        var statement = System.Text.Json.JsonSerializer.Serialize(QueryCatalog.Query("GetKpis"));
        return _api.Submissions.Count(s => s.Body.Contains(statement, StringComparison.Ordinal));
    }
}
