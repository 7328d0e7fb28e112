using Bunit;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Components.Panels;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Tests.Web.Components;

public sealed class DataPanelTests : BunitTestContext
{
    [Fact]
    public void Shows_progress_while_loading_and_the_body_when_ready()
    {
        var loading = Render<DataPanel>(p => p.Add(x => x.Title, "Worst feeders").Add(x => x.State, PanelState.Loading).Add(x => x.TestId, "panel")
            .Add(x => x.ChildContent, (RenderFragment)(b => b.AddContent(0, "body"))));
        var ready = Render<DataPanel>(p => p.Add(x => x.Title, "Worst feeders").Add(x => x.State, PanelState.Ready).Add(x => x.TestId, "panel")
            .Add(x => x.ExportHref, "/api/export/x.csv").Add(x => x.ChildContent, (RenderFragment)(b => b.AddContent(0, "body"))));

        Assert.NotNull(loading.Find("[data-testid=panel-loading]"));
        Assert.DoesNotContain("body", loading.Markup, StringComparison.Ordinal);
        Assert.Contains("body", ready.Markup, StringComparison.Ordinal);
        Assert.Equal("/api/export/x.csv", ready.Find("[data-testid=panel-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_failed_reload_keeps_the_last_good_data_and_says_it_is_stale()
    {
        var data = new PanelData<string>();
        await data.LoadAsync(_ => Task.FromResult("first"), Xunit.TestContext.Current.CancellationToken);
        await data.LoadAsync(_ => Task.FromException<string>(new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Timeout, "slow")),
            Xunit.TestContext.Current.CancellationToken);

        var cut = Render<DataPanel>(p => p.Add(x => x.Title, "Causes").Add(x => x.State, data.State).Add(x => x.Error, data.Error).Add(x => x.TestId, "panel")
            .Add(x => x.ChildContent, (RenderFragment)(b => b.AddContent(0, data.Value))));

        Assert.Equal(PanelState.Stale, data.State);
        Assert.NotNull(cut.Find("[data-testid=panel-stale]"));
        Assert.Contains("first", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("slow", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_load_that_fails_shows_the_error_only()
    {
        var data = new PanelData<string>();
        await data.LoadAsync(_ => Task.FromException<string>(new FluxDataException(DataSourceKind.Embedded, DataErrorKind.Unavailable, "file locked")),
            Xunit.TestContext.Current.CancellationToken);

        var cut = Render<DataPanel>(p => p.Add(x => x.Title, "Causes").Add(x => x.State, data.State).Add(x => x.Error, data.Error).Add(x => x.TestId, "panel"));

        Assert.Equal(PanelState.Failed, data.State);
        Assert.Contains("file locked", cut.Find("[data-testid=panel-error]").TextContent, StringComparison.Ordinal);
    }
}
