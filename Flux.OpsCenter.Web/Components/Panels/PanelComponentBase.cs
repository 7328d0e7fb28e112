using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>
/// A page or panel that loads data: its loads run in one <see cref="PanelScope"/>, cancelled when it is disposed, and
/// anything unexpected goes to its error boundary through <see cref="ComponentBase.DispatchExceptionAsync"/>.
/// </summary>
public abstract class PanelComponentBase : ComponentBase, IDisposable
{
    private PanelScope? _loads;

    [Inject]
    protected TimeProvider Clock { get; set; } = default!;

    /// <summary>The scope every load of this component runs in.</summary>
    protected PanelScope Loads => _loads ??= new PanelScope(Clock, DispatchExceptionAsync, StateHasChanged);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _loads?.Dispose();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
