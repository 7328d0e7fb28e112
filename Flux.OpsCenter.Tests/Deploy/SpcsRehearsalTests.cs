using System.Globalization;
using System.Net;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Deploy;

/// <summary>
/// The SPCS deployment rehearsed on loopback (docs/spcs-rehearsal.md): the app as the Dockerfile publishes and starts
/// it, in Snowflake mode with SPCS auth (token file, SNOWFLAKE_HOST), against the DuckDB-backed SQL API fake, behind a
/// proxy that behaves like the SPCS ingress (user header, baseline CSP, idle WebSocket cut), driven by Chromium.
/// </summary>
public sealed class SpcsRehearsalTests
{
    private const string IngressUser = "REHEARSAL_OPERATOR";
    private const string SessionToken = "rehearsal-session-token";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Category", "Publish")]
    public async Task Published_app_behind_an_spcs_like_ingress_shows_kpis_the_built_in_basemap_live_updates_and_records_acknowledgements_under_the_ingress_user()
    {
        var published = await DockerfilePublish.GetAsync();
        Assert.True(published.ExitCode == 0, $"publish failed:\n{published.Tail}");
        var database = TestTerritory.CreateCopy();
        var api = new FakeSqlApi { Default = call => DuckDbBackedSqlApi.Answer(database, call) };
        await using var warehouse = await FakeSqlApiServer.StartAsync(api, Token);
        var tokenFile = Path.Combine(Path.GetDirectoryName(database)!, "token");
        await File.WriteAllTextAsync(tokenFile, SessionToken, Token);
        await using var app = PublishedAppProcess.Start(published.OutputFolder, SpcsEnvironment(warehouse.BaseUrl, tokenFile));
        await app.WaitStartedAsync(TimeSpan.FromSeconds(120));
        await using var ingress = await SpcsIngressProxy.StartAsync(app.Address, IngressUser, TimeSpan.FromSeconds(5), Token);

        // Around the ingress (port 8080 reached another way) nobody vouches for the caller; the probes still answer.
        using (var direct = new HttpClient { BaseAddress = app.Address })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync(new Uri("/", UriKind.Relative), Token)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync(new Uri("/healthz", UriKind.Relative), Token)).StatusCode);
        }

        // Through the ingress the page carries the app's CSP and the ingress's; the browser enforces both.
        using (var viaIngress = new HttpClient { BaseAddress = ingress.Address })
        {
            using var home = await viaIngress.GetAsync(new Uri("/", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var policies = home.Headers.GetValues("Content-Security-Policy").ToList();
            Assert.Equal(2, policies.Count);
            Assert.Contains(SpcsIngressProxy.BaselineContentSecurityPolicy, policies);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        // A forged user header from the browser must not survive the ingress.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Sf-Context-Current-User"] = "MALLORY" },
        });
        var page = await context.NewPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.GotoAsync(ingress.Address.ToString());
        await page.Locator("#interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });

        // Overview: the KPIs the warehouse computes, and the ingress user in the app bar.
        var customers = ViewQueries.Long(database, "SELECT TOTAL_CUSTOMERS FROM APPLICATIONS.FLUX_OPS_CENTER_KPIS");
        await Assertions.Expect(page.GetByTestId("kpi-total-customers-value")).ToHaveTextAsync(customers.ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("current-operator")).ToHaveTextAsync(IngressUser);

        // The map: CARTO tiles are blocked by the ingress CSP (no EAI), so it falls back to the built-in basemap.
        var map = page.GetByTestId("grid-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-state", "ready", new() { Timeout = 60_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-basemap", "built-in", new() { Timeout = 60_000 });
        await Assertions.Expect(map.Locator(".flux-basemap path.flux-basemap-land").First).ToBeAttachedAsync(new() { Timeout = 60_000 });
        Assert.Equal(0, await map.Locator("img.leaflet-tile-loaded").CountAsync());
        var land = await MapPixels.FractionOfColourAsync(page, map, BasemapLand);
        Assert.True(land > 0.2, $"land covers {land:P0} of the map");

        // The ingress cuts the idle circuit WebSocket; from then on, give the reconnected one the real 90 s.
        await ingress.FirstIdleCut.Task.WaitAsync(Patience, Token);
        ingress.IdleTimeout = TimeSpan.FromSeconds(90);

        // A new outage in the warehouse reaches the page after the cut: the circuit came back by itself.
        ViewQueries.Scalar(database, NewOutage);
        var alarm = page.Locator("[data-testid=alarm-row][data-alarm-id='NEW-REH-0001']");
        await Assertions.Expect(alarm).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await alarm.GetByTestId("alarm-ack").ClickAsync();
        await page.Locator("[data-testid=ack-comment] textarea, textarea[data-testid=ack-comment]").First.FillAsync("rehearsal");
        await page.GetByTestId("ack-confirm").ClickAsync();
        await Assertions.Expect(alarm.GetByTestId("alarm-ack-by")).ToContainTextAsync(IngressUser, new() { Timeout = 60_000 });
        Assert.Equal(1, ViewQueries.Long(database,
            $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ALARM_ID = 'NEW-REH-0001' AND ACKNOWLEDGED_BY = '{IngressUser}'"));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder(), "spcs-rehearsal.png") });
        Assert.True(ingress.IdleCuts >= 1);
        Assert.All(api.Submissions, s => Assert.Equal($"Bearer {SessionToken}", s.Header("Authorization")));
        Assert.True(pageErrors.Count == 0, string.Join(Environment.NewLine, pageErrors));
    }

    // What SPCS gives the container (SNOWFLAKE_HOST, SNOWFLAKE_DATABASE, the token file), plus the spec's settings. BaseUrl is
    // the one deviation: the fake speaks plain HTTP, where SNOWFLAKE_HOST alone would mean https.
    private static Dictionary<string, string> SpcsEnvironment(Uri warehouse, string tokenFile) => new()
    {
        ["SNOWFLAKE_HOST"] = warehouse.Authority,
        ["SNOWFLAKE_DATABASE"] = "FLUX_OPS",
        ["OpsCenter__Provider"] = "Snowflake",
        ["OpsCenter__Snowflake__Auth"] = "Spcs",
        ["OpsCenter__Snowflake__BaseUrl"] = warehouse.ToString(),
        ["OpsCenter__Snowflake__SpcsTokenPath"] = tokenFile,
        ["OpsCenter__Snowflake__Warehouse"] = "FLUX_WH",
        ["OpsCenter__Identity__Users__" + IngressUser] = "Operator",
        ["OpsCenter__Live__PollInterval"] = "00:00:01",
    };

    // An outage one minute after the data's "now", copied from an existing one so every column is plausible.
    private const string NewOutage =
        """
        INSERT INTO PRODUCTION.OUTAGE_RESTORATION_TRACKER
        SELECT 'REH-0001', CIRCUIT_ID, SUBSTATION_ID, DEVICE_ID, DEVICE_TYPE,
               (SELECT AS_OF FROM APPLICATIONS.FLUX_DATA_CLOCK) + INTERVAL 1 MINUTE, NULL, STATUS, 'REHEARSAL',
               CUSTOMERS_AFFECTED, AFFECTED_TRANSFORMERS, NULL, NULL, FALSE, LATITUDE, LONGITUDE, NULL
        FROM PRODUCTION.OUTAGE_RESTORATION_TRACKER
        WHERE IS_MOMENTARY = FALSE
        ORDER BY OUTAGE_END_TIME IS NOT NULL, OUTAGE_ID
        LIMIT 1
        """;

    private static string BasemapLand => Flux.OpsCenter.Web.Components.Layout.OpsCenterTheme.Theme.PaletteDark.LinesDefault.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex);

    private static string ScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("FLUX_SCREENSHOTS") is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
