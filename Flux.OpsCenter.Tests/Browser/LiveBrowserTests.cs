using System.Net;
using System.Net.Sockets;
using Flux.OpsCenter.Data.Synthetic;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

public sealed class LiveBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    // Connected and answering: the badge says live or delayed (the test territory's clock is fixed), never lost or
    // waiting, and the browser has not marked the page disconnected.
    internal const string ConnectedDataAge =
        "body:not(.flux-disconnected) [data-testid=data-age]:not([data-state=lost]):not([data-state=waiting])";

    [Fact]
    public async Task Wall_stops_saying_live_when_the_network_is_cut_and_recovers_by_itself()
    {
        var page = await app.OpenAsync("/wall", 1920, 1080);
        await page.Locator(ConnectedDataAge).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        // The watchdog is armed once the server's heartbeat has reached the page.
        await page.Locator("[data-testid=data-age]:not([data-heartbeat='0'])").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.Context.SetOfflineAsync(true);

        // The badge turns to "Reconnecting" (its live part hidden) without the server telling it anything.
        await Assertions.Expect(page.GetByTestId("data-age-offline")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("data-age-label")).ToBeHiddenAsync();
        await app.ScreenshotAsync(page, "wall-network-cut");

        await page.Context.SetOfflineAsync(false);

        await page.Locator(ConnectedDataAge).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("data-age-offline")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("data-age-label")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Fault_injected_through_the_simulator_appears_in_an_open_browser()
    {
        var page = await app.OpenAsync("/");
        await page.GetByTestId("alarm-list").Locator("[data-testid=alarm-row]").First.WaitForAsync();
        var simulator = app.Factory.Services.GetRequiredService<LiveEventSimulator>();

        // The < 1 s budget is measured by bench/ (live-dom); a test on a loaded machine only waits for the alarm to appear.
        var fault = await simulator.InjectFaultAsync(null, TestContext.Current.CancellationToken);
        Assert.NotNull(fault);
        await page.Locator($"[data-alarm-id='NEW-{fault.OutageId}']").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await app.ScreenshotAsync(page, "overview-live-alarm");
    }

    [Fact]
    public async Task An_open_map_recolours_a_transformer_within_seconds_when_a_fault_opens_it()
    {
        var transformer = Convert.ToString(ViewQueries.Scalar(app.Factory.DatabasePath, """
            SELECT MIN(n.ASSET_ID) FROM APPLICATIONS.FLUX_OPS_CENTER_TOPOLOGY_NODES n
            WHERE n.ASSET_TYPE = 'TRANSFORMER' AND n.STATUS = 'ENERGIZED' AND n.HEALTH_SCORE >= 55
              AND n.CIRCUIT_ID NOT IN (SELECT CIRCUIT_ID FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE STATUS = 'ACTIVE' AND OUTAGE_END_TIME IS NULL)
            """), System.Globalization.CultureInfo.InvariantCulture)!;
        var page = await app.OpenAsync("/map");
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 20_000 });
        await page.GetByTestId("map-search").FillAsync(transformer);
        await page.GetByTestId("map-search").PressAsync("Enter");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected-drawn", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected-status", "energized");

        var fault = await app.Factory.Services.GetRequiredService<LiveEventSimulator>().InjectFaultAsync(transformer, TestContext.Current.CancellationToken);

        Assert.NotNull(fault);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-selected-status", "outage", new() { Timeout = 60_000 });
        await app.ScreenshotAsync(page, "map-live-outage");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Acknowledging_an_alarm_shows_who_acknowledged_it()
    {
        var page = await app.OpenAsync("/");
        var row = page.GetByTestId("alarm-list").Locator("[data-testid=alarm-row]").Filter(new() { Has = page.GetByTestId("alarm-ack") }).First;
        var alarmId = await row.GetAttributeAsync("data-alarm-id");

        await row.GetByTestId("alarm-ack").ClickAsync();
        await page.Locator("[data-testid=ack-comment] textarea, textarea[data-testid=ack-comment]").First.FillAsync("crew on the way");
        await page.GetByTestId("ack-confirm").ClickAsync();

        var acknowledged = page.Locator($"[data-alarm-id='{alarmId}'] [data-testid=alarm-ack-by]");
        await Assertions.Expect(acknowledged).ToContainTextAsync("crew on the way");
        Assert.Equal(1, ViewQueries.Long(app.Factory.DatabasePath, $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ALARM_ID = '{alarmId}'"));
    }
}

/// <summary>The wall display must come back by itself after the server goes away and returns.</summary>
public sealed class WallRestartBrowserTests : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    [Fact]
    public async Task Open_wall_page_reconnects_by_itself_after_a_server_restart_and_shows_live_data()
    {
        var port = FreePort();
        var path = TestTerritory.CreateCopy();
        var first = Start(path, port);
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        await page.GotoAsync($"http://127.0.0.1:{port}/wall");
        await page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.Locator(LiveBrowserTests.ConnectedDataAge).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        await first.DisposeAsync();
        await using var second = Start(path, port);

        // No one touches the page. A fault made by the new server must reach it: proof it reconnected and is live.
        var simulator = second.Services.GetRequiredService<LiveEventSimulator>();
        await simulator.InitializeAsync(TestContext.Current.CancellationToken);
        var fault = await simulator.InjectFaultAsync(null, TestContext.Current.CancellationToken);
        Assert.NotNull(fault);
        await Assertions.Expect(page.GetByTestId("wall-outages")).ToContainTextAsync(fault.DeviceId, new() { Timeout = 60_000 });
        await page.Locator(LiveBrowserTests.ConnectedDataAge).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var outages = ViewQueries.Long(path, "SELECT COUNT(*) FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER WHERE OUTAGE_END_TIME IS NULL");
        await Assertions.Expect(page.GetByTestId("wall-active-outages-value")).ToHaveTextAsync(outages.ToString("N0"));
    }

    private static OpsCenterAppFactory Start(string path, int port)
    {
        var factory = new OpsCenterAppFactory(path);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        return factory;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
