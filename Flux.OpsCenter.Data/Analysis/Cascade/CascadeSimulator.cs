using Flux.OpsCenter.Data.Analysis.Graph;

namespace Flux.OpsCenter.Data.Analysis.Cascade;

/// <summary>
/// Wave-by-wave cascade over the in-memory graph (no SQL per node). Rules, physics first (anchors §A4):
/// <list type="number">
/// <item>A failed node de-energises its radial subtree. A failed feeder, or every feeder of a failed substation, is stranded.</item>
/// <item>A stranded feeder offers its demand over its normally-open ties, partner by partner; a healthy partner picks up only
/// what it AND its substation carry within their temperature-adjusted ratings (FLISR closes the tie and sectionalises the
/// rest), so a transfer never overloads anything and never spreads the outage. Transformers are restored first-fit in feeder
/// order until the transferred kW is used.</item>
/// <item>A substation is exposed when a transmission neighbour failed (its source loop lost a station). An exposed substation
/// whose own load exceeds its temperature-adjusted capacity (the scenario left it without N-1 margin) fails in the next wave
/// (OVERLOAD). The loop is planned N-1 secure, so only a substation that lost two sources (N-2) can also fail below its
/// rating: above the failure threshold θ with probability w·(x − θ)/(1 − θ) (STRESS), x = loading,
/// w = <see cref="TransmissionExposureWeight"/>.</item>
/// </list>
/// See docs/cascade-model.md for the protection and transfer rules.
/// Each substation's stress draw is fixed per seed (one System.Random draw per substation in index order), so the same seed gives
/// the same result; every quantity above grows with demand and with the failed set, so more load never fails fewer nodes.
/// Below-feeder nodes never fail by cascade: on a radial feeder their outage is exactly the downstream subtree.
/// </summary>
public sealed class CascadeSimulator(GridGraph graph, TimeProvider? timeProvider = null)
{
    /// <summary>Waves simulated after patient zero at most.</summary>
    public const int MaxWaves = 10;

    /// <summary>Chance weight of a stress failure at a substation whose transmission neighbour failed.</summary>
    public const double TransmissionExposureWeight = 0.5;

    /// <summary>Feeder peaks do not coincide: a substation sees 0.9 of the sum (the same factor GRID_NODES' design peak uses).</summary>
    public const double SubstationDiversity = 0.9;

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The graph this simulator runs on.</summary>
    public GridGraph Graph => graph;

    /// <summary>Runs a cascade from <paramref name="patientZeroId"/>; throws <see cref="KeyNotFoundException"/> for an unknown node.</summary>
    public CascadeResult Simulate(string patientZeroId, CascadeParameters parameters, string scenarioName)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var pz = graph.IndexOf(patientZeroId);
        if (pz < 0)
        {
            throw new KeyNotFoundException($"Node '{patientZeroId}' is not in the grid graph.");
        }

        var errors = parameters.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), string.Join(" ", errors.Values.SelectMany(e => e)));
        }

        return new Run(graph, pz, parameters).Execute(scenarioName, _time.GetUtcNow());
    }

    private sealed class Run
    {
        private readonly GridGraph _g;
        private readonly int _pz;
        private readonly CascadeParameters _p;
        private readonly double _m;
        private readonly double _k;
        private readonly double[] _draw;
        private readonly Dictionary<int, (int Wave, int Trigger, string Cause, double Loading)> _failed = [];
        private readonly int[] _strandedWave;

        public Run(GridGraph graph, int patientZero, CascadeParameters parameters)
        {
            _g = graph;
            _pz = patientZero;
            _p = parameters;
            _m = parameters.LoadMultiplier;
            _k = parameters.CapacityFactor;
            var random = new Random(parameters.Seed);
            _draw = new double[graph.Substations.Length];
            for (var i = 0; i < _draw.Length; i++)
            {
                _draw[i] = random.NextDouble();
            }

            _strandedWave = new int[graph.Feeders.Length];
            Array.Fill(_strandedWave, -1);
        }

        public CascadeResult Execute(string scenarioName, DateTimeOffset now)
        {
            _failed[_pz] = (0, -1, "INITIAL", Loading(_pz));
            var state = Evaluate();
            for (var wave = 1; wave <= MaxWaves; wave++)
            {
                var failing = Candidates(state);
                if (failing.Count == 0)
                {
                    break;
                }

                foreach (var (node, trigger, cause, loading) in failing)
                {
                    _failed[node] = (wave, trigger, cause, loading);
                }

                state = Evaluate(wave);
            }

            return Result(scenarioName, state, now);
        }

        private double Loading(int v) => _g.CapacityKw[v] <= 0 ? 0 : _m * _g.LoadKw[v] / (_k * _g.CapacityKw[v]);

        private State Evaluate(int wave = 0)
        {
            var feeders = _g.Feeders;
            var s = new State(feeders.Length, _g.Substations.Length);
            for (var i = 0; i < feeders.Length; i++)
            {
                var f = feeders[i];
                var byFeeder = _failed.ContainsKey(f);
                if (byFeeder || _failed.ContainsKey(_g.Parent[f]))
                {
                    s.Stranded[i] = true;
                    s.StrandedBy[i] = byFeeder ? f : _g.Parent[f];
                    if (_strandedWave[i] < 0)
                    {
                        _strandedWave[i] = wave;
                    }
                }

                s.FeederLoad[i] = _m * _g.LoadKw[f];
            }

            // The healthy feeders' own demand first: a pick-up is then checked against what its source substation still has.
            for (var i = 0; i < feeders.Length; i++)
            {
                if (!s.Stranded[i])
                {
                    s.SubstationLoad[_g.CorePosition[_g.Parent[feeders[i]]]] += SubstationDiversity * s.FeederLoad[i];
                }
            }

            for (var i = 0; i < feeders.Length; i++)
            {
                if (!s.Stranded[i])
                {
                    continue;
                }

                var demand = _m * _g.LoadKw[feeders[i]];
                var remaining = demand;
                foreach (var partner in _g.TiePartners(feeders[i]))
                {
                    var j = _g.CorePosition[partner];
                    if (s.Stranded[j])
                    {
                        continue;
                    }

                    // FLISR closes a tie only for what the partner feeder AND its substation carry within their (derated)
                    // ratings, so a transfer never overloads anything; what does not fit stays out.
                    var source = _g.Parent[partner];
                    var sourcePosition = _g.CorePosition[source];
                    var feederHeadroom = Math.Max(0, (_k * _g.CapacityKw[partner]) - s.FeederLoad[j]);
                    var substationHeadroom = Math.Max(0, ((_k * _g.CapacityKw[source]) - s.SubstationLoad[sourcePosition]) / SubstationDiversity);
                    var take = Math.Min(Math.Min(feederHeadroom, substationHeadroom), remaining);
                    if (take > 0)
                    {
                        s.FeederLoad[j] += take;
                        s.SubstationLoad[sourcePosition] += SubstationDiversity * take;
                        remaining -= take;
                        s.Transfers.Add(new TieTransfer(_g.Ids[feeders[i]], _g.Ids[partner], Math.Round(take, 1), Math.Round(demand, 1), _strandedWave[i]));
                    }
                }

                s.RestoredKw[i] = demand - remaining;
            }

            foreach (var (node, _) in _failed)
            {
                if (_g.Types[node] != GridNodeType.Substation)
                {
                    continue;
                }

                foreach (var neighbour in _g.TransmissionNeighbours(node))
                {
                    var position = _g.CorePosition[neighbour];
                    s.FailedSources[position]++;
                    s.ExposedBy[position] = s.FailedSources[position] == 1 ? node : s.ExposedBy[position];
                }
            }

            // The sub-transmission loop is planned N-1 secure: losing one source stresses nothing within its rating, so
            // stress needs a second failed source (N-2); a station already beyond its rating trips on the first (OVERLOAD).
            for (var i = 0; i < s.Exposure.Length; i++)
            {
                s.Exposure[i] = s.FailedSources[i] >= 2 ? TransmissionExposureWeight : 0;
            }

            return s;
        }

        private List<(int Node, int Trigger, string Cause, double Loading)> Candidates(State s)
        {
            var failing = new List<(int, int, string, double)>();
            var theta = _p.FailureThreshold;
            for (var i = 0; i < _g.Substations.Length; i++)
            {
                var node = _g.Substations[i];
                if (s.FailedSources[i] == 0 || _failed.ContainsKey(node))
                {
                    continue;
                }

                var loading = s.SubstationLoad[i] / (_k * _g.CapacityKw[node]);
                if (loading > 1)
                {
                    failing.Add((node, s.ExposedBy[i], "OVERLOAD", loading));
                }
                else if (s.Exposure[i] > 0 && loading > theta && _draw[i] < s.Exposure[i] * (loading - theta) / (1 - theta))
                {
                    failing.Add((node, s.ExposedBy[i], "STRESS", loading));
                }
            }

            return failing;
        }

        private Outage Measure(State s)
        {
            var outage = new Outage();
            if (_g.Types[_pz] is GridNodeType.Transformer or GridNodeType.Pole or GridNodeType.Meter)
            {
                outage.Customers += _g.SubtreeCustomers[_pz];
                outage.Nodes += _g.SubtreeSize[_pz];
                outage.LostKw += _m * _g.LoadKw[_pz];
            }

            for (var i = 0; i < _g.Feeders.Length; i++)
            {
                if (!s.Stranded[i])
                {
                    continue;
                }

                var feeder = _g.Feeders[i];
                var budget = s.RestoredKw[i];
                var restored = 0.0;
                var customersOut = 0;
                foreach (var t in _g.ChildrenOf(feeder))
                {
                    var demand = _m * _g.LoadKw[t];
                    if (restored + demand <= budget + 1e-9)
                    {
                        restored += demand;
                    }
                    else
                    {
                        customersOut += _g.SubtreeCustomers[t];
                        outage.Nodes += _g.SubtreeSize[t];
                    }
                }

                s.CustomersOut[i] = customersOut;
                s.RestoredActualKw[i] = restored;
                outage.Customers += customersOut;
                outage.Nodes += 1;
                outage.LostKw += (_m * _g.LoadKw[feeder]) - restored;
                outage.Feeders++;
            }

            outage.Nodes += _failed.Keys.Count(v => _g.Types[v] == GridNodeType.Substation);
            return outage;
        }

        private CascadeResult Result(string scenarioName, State s, DateTimeOffset now)
        {
            var outage = Measure(s);
            var nodes = new List<CascadeFailure>();
            foreach (var (node, f) in _failed.OrderBy(f => f.Value.Wave).ThenBy(f => f.Key))
            {
                var customers = _g.Types[node] switch
                {
                    GridNodeType.Substation => _g.ChildrenOf(node).ToArray().Sum(c => s.CustomersOut[_g.CorePosition[c]]),
                    GridNodeType.Feeder => s.CustomersOut[_g.CorePosition[node]],
                    _ => _g.SubtreeCustomers[node],
                };
                nodes.Add(Node(node, f.Wave, f.Trigger, f.Cause, f.Loading, customers));
            }

            for (var i = 0; i < _g.Feeders.Length; i++)
            {
                if (s.Stranded[i] && !_failed.ContainsKey(_g.Feeders[i]))
                {
                    // A feeder loses supply in the wave of the failure that strands it, so the wave's customers are the
                    // ones its failed equipment shows (the chart and the table count the same wave).
                    nodes.Add(Node(_g.Feeders[i], _strandedWave[i], s.StrandedBy[i], "DE_ENERGIZED", Loading(_g.Feeders[i]), s.CustomersOut[i]));
                }
            }

            var waves = new List<CascadeWave>();
            var cumulative = 0;
            foreach (var wave in nodes.GroupBy(n => n.Wave).OrderBy(g => g.Key))
            {
                // Substations count through their stranded feeders, so each customer is counted once.
                var customers = wave.Where(n => n.NodeType != GridNodeType.Substation).Sum(n => n.CustomersOut);
                var lostKw = wave.Where(n => n.NodeType != GridNodeType.Substation)
                    .Sum(n => n.NodeType == GridNodeType.Feeder ? LostKw(s, _g.CorePosition[_g.IndexOf(n.NodeId)]) : _m * _g.LoadKw[_g.IndexOf(n.NodeId)]);
                cumulative += customers;
                waves.Add(new CascadeWave(wave.Key, wave.Count(n => n.Cause != "DE_ENERGIZED"), wave.Count(n => n.NodeType == GridNodeType.Substation),
                    wave.Count(n => n.Cause == "DE_ENERGIZED"), cumulative, customers, Math.Round(lostKw / 1000, 3)));
            }

            return new CascadeResult(
                scenarioName, _p, _g.Node(_pz), nodes, waves, s.Transfers,
                _failed.Count, outage.Nodes, Math.Round(outage.LostKw / 1000, 3), Math.Round(_m * _g.Feeders.Sum(f => _g.LoadKw[f]) / 1000, 3),
                outage.Customers, waves[^1].Wave, now);
        }

        private double LostKw(State s, int feederPosition) =>
            s.Stranded[feederPosition] ? (_m * _g.LoadKw[_g.Feeders[feederPosition]]) - s.RestoredActualKw[feederPosition] : 0;

        private CascadeFailure Node(int v, int wave, int trigger, string cause, double loading, int customers) => new(
            _g.Ids[v], _g.Types[v], _g.Names[v], _g.Latitudes[v], _g.Longitudes[v], wave, trigger < 0 ? null : _g.Ids[trigger], cause,
            Math.Round(loading, 4), _g.CapacityKw[v], customers);
    }

    private sealed class State(int feeders, int substations)
    {
        public bool[] Stranded { get; } = new bool[feeders];

        public int[] StrandedBy { get; } = new int[feeders];

        public double[] FeederLoad { get; } = new double[feeders];

        public double[] RestoredKw { get; } = new double[feeders];

        public int[] CustomersOut { get; } = new int[feeders];

        public double[] RestoredActualKw { get; } = new double[feeders];

        public double[] SubstationLoad { get; } = new double[substations];

        public double[] Exposure { get; } = new double[substations];

        public int[] ExposedBy { get; } = new int[substations];

        /// <summary>Failed transmission neighbours of each substation: the sources its loop has lost.</summary>
        public int[] FailedSources { get; } = new int[substations];

        public List<TieTransfer> Transfers { get; } = [];
    }

    private sealed class Outage
    {
        public int Customers { get; set; }

        public int Nodes { get; set; }

        public int Feeders { get; set; }

        public double LostKw { get; set; }
    }
}
