using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>The shared bUnit context: MudBlazor services, loose JS interop, an interactive renderer.</summary>
public abstract class BunitTestContext : BunitContext, IAsyncLifetime
{
    protected BunitTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    ValueTask IAsyncLifetime.InitializeAsync() => ValueTask.CompletedTask;

    // MudBlazor services are only async-disposable.
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
