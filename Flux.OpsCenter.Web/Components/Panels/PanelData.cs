using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>
/// One panel's data and its state: loads through a query, keeps the last good value when a reload fails (stale),
/// and ignores a result that arrives after a newer load started or whose load was cancelled.
/// </summary>
public sealed class PanelData<T>
{
    private int _generation;

    public PanelState State { get; private set; } = PanelState.Loading;

    public T? Value { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    /// <summary>Loads with the system clock; false when a newer load or cancellation made this result irrelevant.</summary>
    public Task<bool> LoadAsync(Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken) =>
        LoadAsync(load, TimeProvider.System, cancellationToken);

    /// <summary>Loads; false when a newer load or cancellation made this result irrelevant.</summary>
    public async Task<bool> LoadAsync(Func<CancellationToken, Task<T>> load, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(clock);
        var generation = ++_generation;
        if (State != PanelState.Ready)
        {
            State = Value is null ? PanelState.Loading : State;
        }

        try
        {
            var value = await load(cancellationToken);
            if (generation != _generation || cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            Value = value;
            State = PanelState.Ready;
            Error = null;
            FailedAt = null;
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (FluxDataException ex) when (generation == _generation)
        {
            Error = $"{ex.Source} source {ex.Kind.ToString().ToLowerInvariant()}: {ex.Message}";
            FailedAt = clock.GetUtcNow();
            State = Value is null ? PanelState.Failed : PanelState.Stale;
            return true;
        }
    }
}
