using Bunit;
using Microsoft.AspNetCore.Components;
using Flux.OpsCenter.Web.Clock;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>The shared bUnit context: MudBlazor services, loose JS interop, an interactive renderer.</summary>
public abstract class BunitTestContext : BunitContext, IAsyncLifetime
{
    protected BunitTestContext()
        : this(_ => { })
    {
    }

    /// <summary>For tests that register their own services: those must be added before the renderer is set up.</summary>
    protected BunitTestContext(Action<IServiceCollection> configureServices)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        configureServices(Services);
        Services.AddMudServices();
        Services.TryAddSingleton(TimeProvider.System);
        Services.TryAddSingleton(Options.Create(new ClockOptions()));
        Services.TryAddSingleton<UtilityTime>();
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
