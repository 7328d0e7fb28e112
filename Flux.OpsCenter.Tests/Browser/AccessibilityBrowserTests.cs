using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Flux.OpsCenter.Tests.Support;
using Microsoft.Playwright;

namespace Flux.OpsCenter.Tests.Browser;

/// <summary>
/// WCAG 2.2 AA in Chromium: axe on every page (and the acknowledge dialog) finds nothing serious or critical, and
/// the keyboard reaches the menu and the first panel with a visible focus ring.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const int PageReadyTimeout = 60_000;

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
        ResultTypes = [ResultType.Violations],
    };

    public static TheoryData<string> Pages =>
    [
        "/", "/map", "/feeders", "/feeders/{feeder}", "/substations", "/substations/{substation}", "/outages",
        "/reliability", "/work-orders", "/cascade", "/wall", "/switching", "/transformer-risk",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_or_critical_axe_violations(string route)
    {
        var page = await app.OpenAsync(Resolve(route), width: 1366, height: 768);

        await WaitUntilLoadedAsync(page);

        await AssertNoSeriousViolationsAsync(page, route);
    }

    [Fact]
    public async Task Acknowledge_dialog_has_no_serious_or_critical_axe_violations()
    {
        var page = await app.OpenAsync("/", width: 1366, height: 768);
        await WaitUntilLoadedAsync(page);

        await FirstAcknowledgeButton(page).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync(new() { Timeout = PageReadyTimeout });

        await AssertNoSeriousViolationsAsync(page, "/ with the acknowledge dialog open");
    }

    [Fact]
    public async Task Tab_reaches_the_menu_and_the_first_panel_control_with_a_visible_focus_ring()
    {
        var page = await app.OpenAsync("/", width: 1366, height: 768);
        await WaitUntilLoadedAsync(page);

        var firstNavLink = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link).First;
        await TabUntilFocusedAsync(page, firstNavLink);
        await AssertFocusRingAsync(firstNavLink);

        // The first control inside the page body after the menu: the map search on the Overview.
        var firstPanelControl = page.GetByRole(AriaRole.Main).Locator("input, button, a[href], [tabindex='0']").First;
        await TabUntilFocusedAsync(page, firstPanelControl);
        await AssertFocusRingAsync(firstPanelControl);
    }

    [Fact]
    public async Task Skip_link_comes_first_moves_focus_to_the_content_and_takes_focus_after_navigating()
    {
        var page = await app.OpenAsync("/feeders", width: 1366, height: 768);
        await WaitUntilLoadedAsync(page);
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await AssertFocusRingAsync(skip);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/feeders").ToString());

        // Following a menu link by keyboard starts the next page at the top again, as a full page load would.
        var substations = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Substations" });
        await substations.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/substations").ToString(), new() { Timeout = PageReadyTimeout });
        await Assertions.Expect(skip).ToBeFocusedAsync(new() { Timeout = PageReadyTimeout });
    }

    [Fact]
    public async Task Escape_closes_the_acknowledge_dialog_without_acknowledging()
    {
        var page = await app.OpenAsync("/", width: 1366, height: 768);
        await WaitUntilLoadedAsync(page);
        var button = FirstAcknowledgeButton(page);
        var alarmId = await button.Locator("xpath=ancestor::*[@data-alarm-id]").GetAttributeAsync("data-alarm-id");

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = PageReadyTimeout });
        await Assertions.Expect(dialog.Locator("textarea")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(dialog).ToHaveCountAsync(0, new() { Timeout = PageReadyTimeout });
        Assert.Equal(0, ViewQueries.Long(app.Factory.DatabasePath, $"SELECT COUNT(*) FROM APPLICATIONS.ALARM_ACKNOWLEDGEMENTS WHERE ALARM_ID = '{alarmId}'"));
    }

    [Fact]
    public async Task Acknowledge_buttons_are_named_after_their_alarm_and_circuit()
    {
        var page = await app.OpenAsync("/", width: 1366, height: 768);
        await WaitUntilLoadedAsync(page);
        var buttons = page.GetByTestId("alarm-ack");
        await Assertions.Expect(buttons.First).ToBeVisibleAsync(new() { Timeout = PageReadyTimeout });

        var names = new List<string>();
        foreach (var button in await buttons.AllAsync())
        {
            names.Add(await button.GetAttributeAsync("aria-label") ?? "");
        }

        Assert.All(names, name => Assert.Matches(@"^Acknowledge alarm \S+ on \S+$", name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Report_dates_are_typed_and_a_bad_date_is_flagged_on_the_field()
    {
        var page = await app.OpenAsync("/reliability", width: 1366, height: 768);
        await WaitUntilLoadedAsync(page);
        var from = page.GetByRole(AriaRole.Textbox, new() { Name = "From (America/Chicago)" });

        await from.FillAsync("2026-02-30");
        await from.PressAsync("Tab");
        await Assertions.Expect(from).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = PageReadyTimeout });

        await from.FillAsync("2026-01-01");
        await from.PressAsync("Tab");
        await Assertions.Expect(from).ToHaveAttributeAsync("aria-invalid", "false", new() { Timeout = PageReadyTimeout });
        await page.GetByTestId("reliability-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("reliability-period")).ToContainTextAsync("2026-01-01", new() { Timeout = PageReadyTimeout });
    }

    [Theory]
    [InlineData("/", 1366, 768, "a11y-overview-1366")]
    [InlineData("/", 1920, 1080, "a11y-overview-1920")]
    [InlineData("/reliability", 1366, 768, "a11y-reliability-1366")]
    [InlineData("/feeders/{feeder}", 1920, 1080, "a11y-feeder-1920")]
    [InlineData("/cascade", 1366, 768, "a11y-cascade-1366")]
    [InlineData("/wall", 1920, 1080, "a11y-wall-1920")]
    [InlineData("/wall", 3840, 2160, "a11y-wall-3840")]
    public async Task Pages_render_for_review_at_console_and_wall_sizes(string route, int width, int height, string name)
    {
        var page = await app.OpenAsync(Resolve(route), width, height);
        await WaitUntilLoadedAsync(page);

        await app.ScreenshotAsync(page, name);

        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToBeVisibleAsync();
    }

    private static ILocator FirstAcknowledgeButton(IPage page) =>
        page.GetByTestId("alarm-list").GetByTestId("alarm-ack").First;

    /// <summary>Ready once the circuit has drawn every panel: nothing is loading, no indeterminate progress shows.</summary>
    private static async Task WaitUntilLoadedAsync(IPage page)
    {
        const string Busy = "[data-state=loading], .mud-progress-indeterminate";
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = PageReadyTimeout });
        try
        {
            await page.WaitForFunctionAsync(
                $"() => document.querySelector('[role=main], main') !== null && document.querySelector('{Busy}') === null",
                null,
                new PageWaitForFunctionOptions { Timeout = PageReadyTimeout });
        }
        catch (TimeoutException)
        {
            var busy = await page.EvaluateAsync<string>($"() => [...document.querySelectorAll('{Busy}')].map(e => e.outerHTML.slice(0, 160)).join('\\n')");
            Assert.Fail($"{page.Url} still loading after {PageReadyTimeout} ms: {busy}");
        }
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(WcagAa);

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, Describe(what, serious));
    }

    private static string Describe(string what, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"axe found serious or critical violations on {what}:");
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"\n[{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(8))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  at {node.Target}: {node.Html}");
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message);
                text.AppendLine(CultureInfo.InvariantCulture, $"    {string.Join(" | ", checks)}");
            }
        }

        return text.ToString();
    }

    private static async Task TabUntilFocusedAsync(IPage page, ILocator target)
    {
        // A bounded walk: the target must be reachable by Tab within the page's first controls.
        for (var presses = 0; presses < 40; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}; focus ended on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'")}");
    }

    private static async Task AssertFocusRingAsync(ILocator element)
    {
        var ring = await element.EvaluateAsync<string>("element => { const s = getComputedStyle(element); return `${s.outlineStyle}|${s.outlineWidth}`; }");
        var parts = ring.Split('|');
        Assert.True(parts[0] is not "none" and not "" && double.Parse(parts[1].Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) >= 2,
            $"focused element has no visible focus ring (outline {ring})");
    }

    private string Resolve(string route) => route
        .Replace("{feeder}", Text("SELECT MIN(CIRCUIT_ID) FROM PRODUCTION.CIRCUIT_METADATA"), StringComparison.Ordinal)
        .Replace("{substation}", Text("SELECT MIN(SUBSTATION_ID) FROM PRODUCTION.SUBSTATIONS"), StringComparison.Ordinal);

    private string Text(string sql) => Convert.ToString(ViewQueries.Scalar(app.Factory.DatabasePath, sql), CultureInfo.InvariantCulture)!;
}
