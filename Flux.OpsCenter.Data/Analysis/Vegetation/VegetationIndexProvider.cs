using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Analysis.Vegetation;

/// <summary>Builds the <see cref="VegetationIndex"/> on first use and keeps it for the process; a failed load is retried by the next caller.</summary>
public sealed class VegetationIndexProvider(VegetationQueries queries) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VegetationIndex? _index;

    public async Task<VegetationIndex> GetAsync(CancellationToken cancellationToken)
    {
        if (_index is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _index ??= new VegetationIndex(await queries.GetVegetationRiskAsync(cancellationToken));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
