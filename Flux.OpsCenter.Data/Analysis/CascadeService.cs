using System.Text.Json;
using Flux.OpsCenter.Data.Analysis.Cascade;
using Flux.OpsCenter.Data.Analysis.Centrality;
using Flux.OpsCenter.Data.Analysis.Gnn;
using Flux.OpsCenter.Data.Analysis.Graph;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Data.Analysis;

/// <summary>
/// The cascade feature for one process: holds the grid graph once (loaded on first use), runs simulations in memory, reads candidates and
/// precomputed scenarios through query files, and fills PRECOMPUTED_CASCADES and GNN_PREDICTIONS when they are empty. When a
/// <see cref="IGridGraphPreparer"/> is given (the embedded file), the graph is derived first and nothing reads it before.
/// </summary>
public sealed class CascadeService(ISqlSource source, TimeProvider timeProvider, IGridGraphPreparer? graphPreparer = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();
    private Task<GridGraph>? _graph;
    private Task? _graphPrepared;

    /// <summary>Where the background precompute is.</summary>
    public CascadeAnalysisStatus Status { get; private set; } = CascadeAnalysisStatus.NotStarted;

    /// <summary>The shared graph, loaded once per topology.</summary>
    public Task<GridGraph> GetGraphAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_graph is null || _graph.IsFaulted || _graph.IsCanceled)
            {
                _graph = LoadPreparedGraphAsync();
            }

            return _graph.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes once the graph tables hold the whole graph (at once, unless the embedded file still derives it).</summary>
    public Task EnsureGraphPreparedAsync(CancellationToken cancellationToken)
    {
        if (graphPreparer is null)
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_graphPrepared is null || _graphPrepared.IsFaulted || _graphPrepared.IsCanceled)
            {
                // One derivation per process, whichever caller starts it; a caller that gives up does not cancel it.
                _graphPrepared = graphPreparer.PrepareAsync(timeProvider.GetUtcNow().UtcDateTime,
                    stage => Status = new(stage, 0, 0, false, null), CancellationToken.None);
            }

            return _graphPrepared.WaitAsync(cancellationToken);
        }
    }

    private async Task<GridGraph> LoadPreparedGraphAsync()
    {
        await EnsureGraphPreparedAsync(CancellationToken.None).ConfigureAwait(false);
        return await GridGraphLoader.LoadAsync(source, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Simulates from <paramref name="patientZeroId"/>, or from the riskiest candidate when null.</summary>
    public async Task<CascadeResult> SimulateAsync(string? patientZeroId, CascadeParameters parameters, string scenarioName, CancellationToken cancellationToken)
    {
        var graph = await GetGraphAsync(cancellationToken).ConfigureAwait(false);
        if (patientZeroId is null)
        {
            var candidates = await GetCandidatesAsync(1, cancellationToken).ConfigureAwait(false);
            patientZeroId = candidates.Count > 0 ? candidates[0].NodeId : graph.Node(graph.Substations[0]).Id;
        }

        return new CascadeSimulator(graph, timeProvider).Simulate(patientZeroId, parameters, scenarioName);
    }

    /// <summary>Impact, playbook, restoration and ROI of a result.</summary>
    public async Task<CascadeImpact> AnalyseAsync(CascadeResult result, CancellationToken cancellationToken) =>
        CascadeImpactAnalyzer.Analyse(await GetGraphAsync(cancellationToken).ConfigureAwait(false), result);

    public Task<IReadOnlyList<CascadeCandidate>> GetCandidatesAsync(int limit, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetCascadeCandidates", Math.Clamp(limit, 1, 500)), MapCandidate, cancellationToken);

    public Task<IReadOnlyList<PrecomputedCascadeRow>> GetPrecomputedAsync(int limit, CancellationToken cancellationToken) =>
        source.QueryAsync(QueryCatalog.Request("GetPrecomputedCascades", Math.Clamp(limit, 1, 2_000)), r => MapPrecomputed(r, false), cancellationToken);

    public async Task<PrecomputedCascadeRow?> GetPrecomputedAsync(string scenarioId, CancellationToken cancellationToken) =>
        (await source.QueryAsync(QueryCatalog.Request("GetPrecomputedCascade", scenarioId), r => MapPrecomputed(r, true), cancellationToken).ConfigureAwait(false))
            .SingleOrDefault();

    /// <summary>Re-runs a precomputed scenario (deterministic: same parameters and seed give the stored totals) for the full result.</summary>
    public async Task<CascadeResult?> OpenPrecomputedAsync(string scenarioId, CancellationToken cancellationToken)
    {
        var row = await GetPrecomputedAsync(scenarioId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var parameters = JsonSerializer.Deserialize<CascadeParameters>(row.SimulationParams, Json)!;
        return await SimulateAsync(row.PatientZeroId, parameters, row.ScenarioName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fills PRECOMPUTED_CASCADES (every substation under every preset) and GNN_PREDICTIONS when they are empty. Runs at
    /// first start in the background; <see cref="Status"/> reports progress.
    /// </summary>
    public async Task EnsurePrecomputedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureGraphPreparedAsync(cancellationToken).ConfigureAwait(false);
            var counts = (await source.QueryAsync(QueryCatalog.Request("CountCascadeAnalysis"),
                r => (Scenarios: r.GetInt64("SCENARIOS"), Predictions: r.GetInt64("PREDICTIONS")), cancellationToken).ConfigureAwait(false))[0];
            if (counts.Scenarios > 0 && counts.Predictions > 0)
            {
                // Every later start: nothing to compute, and the graph (~775K nodes) loads when someone first needs it,
                // not while the console is starting.
                Status = new("Ready", (int)counts.Scenarios, (int)counts.Scenarios, true, null);
                return;
            }

            Status = new("Loading the grid graph", 0, 0, false, null);
            var graph = await GetGraphAsync(cancellationToken).ConfigureAwait(false);
            var simulator = new CascadeSimulator(graph, timeProvider);
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var total = CascadeScenario.Presets.Count * graph.Substations.Length;
            if (counts.Scenarios == 0)
            {
                var done = 0;
                var insert = QueryCatalog.Resource("Sql/Analysis/InsertPrecomputedCascade.sql");
                foreach (var preset in CascadeScenario.Presets)
                {
                    foreach (var s in graph.Substations)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var result = simulator.Simulate(graph.Ids[s], preset.Parameters(), preset.Name);
                        var summary = PrecomputedCascade.Summarise(result);
                        object?[] values =
                        [
                            PrecomputedCascade.IdFor(preset.Key, graph.Ids[s]), preset.Name, graph.Ids[s], graph.Names[s],
                            JsonSerializer.Serialize(result.Parameters, Json), JsonSerializer.Serialize(summary.CascadeOrder, Json),
                            JsonSerializer.Serialize(result.Waves, Json), JsonSerializer.Serialize(summary.NodeTypes, Json),
                            JsonSerializer.Serialize(summary.Paths, Json), result.AffectedNodes, result.LostLoadMw,
                            result.CustomersAffected, result.MaxDepth, now, now,
                        ];
                        await source.ExecuteAsync(new SqlRequest("InsertPrecomputedCascade", insert, values, SqlRequest.DefaultTimeout), cancellationToken).ConfigureAwait(false);
                        Status = new("Precomputing scenarios", ++done, total, false, null);
                    }
                }
            }

            if (counts.Predictions == 0)
            {
                Status = new("Training the cascade GCN", total, total, false, null);
                var model = GnnTrainer.Train(graph, CentralityCalculator.Compute(graph), simulator, GnnTrainer.DefaultOptions);
                var insert = QueryCatalog.Resource("Sql/Analysis/InsertGnnPrediction.sql");
                for (var v = 0; v < graph.NodeCount; v++)
                {
                    if (double.IsNaN(model.Predictions[v]))
                    {
                        continue;
                    }

                    var p = model.Predictions[v];
                    object?[] values =
                    [
                        graph.Ids[v], CascadeAnalysisWriter.TypeName(graph.Types[v]), graph.Criticality[v], Math.Round(p, 5),
                        Math.Round(Math.Abs(p - 0.5) * 2, 5), model.Version, now,
                    ];
                    await source.ExecuteAsync(new SqlRequest("InsertGnnPrediction", insert, values, SqlRequest.DefaultTimeout), cancellationToken).ConfigureAwait(false);
                }
            }

            Status = new("Ready", total, total, true, null);
        }
        catch (FluxDataException ex)
        {
            Status = Status with { Error = ex.Message };
            throw;
        }
    }

    private static CascadeCandidate MapCandidate(ISqlRow r) => new(
        r.GetString("NODE_ID"), r.GetString("NODE_TYPE"), r.GetNullableString("NODE_NAME"), r.GetNullableString("SUBSTATION_ID"),
        r.GetDouble("LATITUDE"), r.GetDouble("LONGITUDE"), r.GetDouble("CASCADE_RISK_SCORE_NORMALIZED"), (int)r.GetInt64("CRITICALITY_RANK"),
        r.GetDouble("BETWEENNESS_CENTRALITY"), (int)r.GetInt64("DOWNSTREAM_CUSTOMERS"), r.GetDouble("LOAD_FACTOR"), r.GetNullableDouble("GNN_CASCADE_RISK"));

    private static PrecomputedCascadeRow MapPrecomputed(ISqlRow r, bool full) => new(
        r.GetString("SCENARIO_ID"), r.GetString("SCENARIO_NAME"), r.GetString("PATIENT_ZERO_ID"), r.GetNullableString("PATIENT_ZERO_NAME"),
        r.GetString("SIMULATION_PARAMS"), (int)r.GetInt64("TOTAL_AFFECTED_NODES"), r.GetDouble("AFFECTED_CAPACITY_MW"),
        (int)r.GetInt64("ESTIMATED_CUSTOMERS_AFFECTED"), (int)r.GetInt64("MAX_CASCADE_DEPTH"), r.GetTimestamp("COMPUTED_AT"),
        full ? r.GetString("CASCADE_ORDER") : null, full ? r.GetString("WAVE_BREAKDOWN") : null,
        full ? r.GetString("NODE_TYPE_BREAKDOWN") : null, full ? r.GetString("PROPAGATION_PATHS") : null);
}
