namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>
/// The loads of a drill-down page for its current route id. Blazor reuses the page when a link leads to another id of the
/// same kind (a tie feeder, a neighbour station), so each new id cancels the loads still running for the previous one and
/// a slow answer for the old id never lands on the new page.
/// </summary>
public sealed class RouteLoads : IDisposable
{
    private CancellationTokenSource _current = new();

    /// <summary>Cancels the previous route's loads and returns the token for the new route's.</summary>
    public async Task<CancellationToken> RestartAsync()
    {
        await _current.CancelAsync();
        _current.Dispose();
        _current = new CancellationTokenSource();
        return _current.Token;
    }

    public void Dispose()
    {
        _current.Cancel();
        _current.Dispose();
    }
}
