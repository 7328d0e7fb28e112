using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>
/// The data of one panel and its state: a reload keeps the last good value and marks it stale if it fails, and a
/// newer load makes older results irrelevant (callers pass the token of the latest filter).
/// </summary>
public sealed class PanelData<T>
    where T : class
{
    public T? Value { get; private set; }

    public PanelState State { get; private set; } = PanelState.Loading;

    public string? Error { get; private set; }

    /// <summary>Runs <paramref name="load"/>; returns false if it was cancelled by a newer load.</summary>
    public async Task<bool> LoadAsync(Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (Value is null)
        {
            State = PanelState.Loading;
        }

        try
        {
            var value = await load(cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            (Value, State, Error) = (value, PanelState.Ready, null);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (FluxDataException ex)
        {
            Error = $"{ex.Source} source {ex.Kind.ToString().ToLowerInvariant()}: {ex.Message}";
            State = Value is null ? PanelState.Failed : PanelState.Stale;
            return true;
        }
    }
}
