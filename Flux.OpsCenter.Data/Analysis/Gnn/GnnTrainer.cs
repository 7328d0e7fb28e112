using Flux.OpsCenter.Data.Analysis.Cascade;
using Flux.OpsCenter.Data.Analysis.Centrality;
using Flux.OpsCenter.Data.Analysis.Graph;

namespace Flux.OpsCenter.Data.Analysis.Gnn;

/// <summary>
/// Trains a two-layer graph convolutional network (Kipf &amp; Welling: Â = D^−½(A + I)D^−½, ReLU hidden layer, sigmoid
/// output) on the switchable part of the grid — substations and feeders with their feeder, tie and transmission links —
/// with plain arrays and hand-written backpropagation. Labels are simulator outcomes, not heuristics: a node is positive
/// when its failure under the label preset leaves more than N customers without supply. Split 70/15/15 (seeded); Adam with
/// weight decay, class-weighted cross-entropy, early stopping on validation loss. Below-feeder nodes are not scored: on a
/// radial feeder their outage is exactly their subtree, which needs no model.
/// </summary>
public static class GnnTrainer
{
    /// <summary>
    /// Hurricane Season, more than 2,500 customers (about a substation's worth): on houston about two thirds of
    /// substations and feeders are positive, so the label is neither trivial nor one class (Summer Peak at 250 is 95 %
    /// positive; Normal Operations at 250 is just "is a substation"). 16 hidden units, up to 400 epochs.
    /// </summary>
    public static readonly GnnOptions DefaultOptions = new("HURRICANE_SEASON", 2_500, 16, 400, 0.01, 5e-4, 42);

    /// <summary>Labels every substation and feeder by simulation, trains, and evaluates on the held-out 15 %.</summary>
    public static GnnModel Train(GridGraph graph, NodeCentrality centrality, CascadeSimulator simulator, GnnOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(centrality);
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(options);
        var preset = CascadeScenario.Find(options.PresetKey) ?? throw new ArgumentException($"Unknown preset {options.PresetKey}.", nameof(options));
        int[] nodes = [.. graph.Substations, .. graph.Feeders];
        var n = nodes.Length;
        var local = new Dictionary<int, int>(n);
        for (var i = 0; i < n; i++)
        {
            local[nodes[i]] = i;
        }

        var labels = new double[n];
        for (var i = 0; i < n; i++)
        {
            var outcome = simulator.Simulate(graph.Ids[nodes[i]], preset.Parameters(), preset.Name);
            labels[i] = outcome.CustomersAffected > options.CustomerThreshold ? 1 : 0;
        }

        var features = Features(graph, centrality, nodes, out var width);
        var (offsets, targets, values) = NormalisedAdjacency(graph, nodes, local);
        var split = MakeSplit(n, options.Seed);

        var gcn = new Network(width, options.Hidden, options.Seed);
        var epochs = gcn.Fit(features, offsets, targets, values, labels, split, options);
        var gcnScores = gcn.Predict(features, offsets, targets, values);
        var mlp = new Network(width, options.Hidden, options.Seed);
        mlp.Fit(features, null, null, null, labels, split, options);
        var mlpScores = mlp.Predict(features, null, null, null);

        var degree = nodes.Select(v => (double)(graph.AdjacencyOffsets[v + 1] - graph.AdjacencyOffsets[v])).ToArray();
        var cut = BestThreshold(degree, labels, split.Train);
        var degreeCalls = degree.Select(d => d >= cut ? 1.0 : 0.0).ToArray();

        var predictions = new double[graph.NodeCount];
        Array.Fill(predictions, double.NaN);
        for (var i = 0; i < n; i++)
        {
            predictions[nodes[i]] = gcnScores[i];
        }

        return new GnnModel(
            $"gcn-2layer-h{options.Hidden}-{options.PresetKey.ToLowerInvariant()}-n{options.CustomerThreshold}",
            predictions,
            Evaluate("GCN (2 layers)", gcnScores, gcnScores.Select(p => p >= 0.5 ? 1.0 : 0.0).ToArray(), labels, split.Test),
            Evaluate("Degree only", degree, degreeCalls, labels, split.Test),
            Evaluate("Same features, no graph (MLP)", mlpScores, mlpScores.Select(p => p >= 0.5 ? 1.0 : 0.0).ToArray(), labels, split.Test),
            $"failure of the node under {preset.Name} leaves more than {options.CustomerThreshold} customers without supply",
            epochs);
    }

    /// <summary>ROC AUC by the rank-sum (Mann–Whitney) statistic, ties counted half.</summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double rankSumPositive = 0;
        var positives = 0;
        var i0 = 0;
        while (i0 < order.Length)
        {
            var i1 = i0;
            while (i1 + 1 < order.Length && scores[order[i1 + 1]] == scores[order[i0]])
            {
                i1++;
            }

            var averageRank = ((i0 + i1) / 2.0) + 1;
            for (var k = i0; k <= i1; k++)
            {
                if (labels[order[k]] > 0.5)
                {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }

            i0 = i1 + 1;
        }

        var negatives = order.Length - positives;
        return positives == 0 || negatives == 0 ? double.NaN
            : (rankSumPositive - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static GnnMetrics Evaluate(string name, double[] scores, double[] calls, double[] labels, int[] subset)
    {
        var s = subset.Select(i => scores[i]).ToArray();
        var y = subset.Select(i => labels[i]).ToArray();
        int tp = 0, fp = 0, fn = 0;
        foreach (var i in subset)
        {
            var predicted = calls[i] > 0.5;
            var actual = labels[i] > 0.5;
            tp += predicted && actual ? 1 : 0;
            fp += predicted && !actual ? 1 : 0;
            fn += !predicted && actual ? 1 : 0;
        }

        return new GnnMetrics(name, Auc(s, y), tp + fp == 0 ? 0 : tp / (double)(tp + fp), tp + fn == 0 ? 0 : tp / (double)(tp + fn),
            (int)y.Sum(), subset.Length);
    }

    private static double BestThreshold(double[] score, double[] labels, int[] train)
    {
        var best = double.MaxValue;
        var bestF1 = -1.0;
        foreach (var cut in train.Select(i => score[i]).Distinct())
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var i in train)
            {
                var predicted = score[i] >= cut;
                var actual = labels[i] > 0.5;
                tp += predicted && actual ? 1 : 0;
                fp += predicted && !actual ? 1 : 0;
                fn += !predicted && actual ? 1 : 0;
            }

            var f1 = tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                best = cut;
            }
        }

        return best;
    }

    private static double[] Features(GridGraph g, NodeCentrality c, int[] nodes, out int width)
    {
        width = 8;
        var n = nodes.Length;
        var x = new double[n * width];
        for (var i = 0; i < n; i++)
        {
            var v = nodes[i];
            var ties = g.Types[v] == GridNodeType.Feeder ? g.TiePartners(v).Count() : 0;
            var loadFactor = g.CapacityKw[v] > 0 ? g.LoadKw[v] / g.CapacityKw[v] : 0;
            double[] row =
            [
                g.Types[v] == GridNodeType.Substation ? 1 : 0,
                Math.Log(1 + g.CapacityKw[v]),
                loadFactor,
                Math.Log(1 + g.SubtreeCustomers[v]),
                Math.Log(1 + g.LoadKw[v]),
                g.HealthScores[v] / 100,
                ties,
                Math.Log(1e-9 + c.BetweennessNormalized[v]),
            ];
            row.CopyTo(x, i * width);
        }

        // z-score each column so one learning rate suits all.
        for (var j = 0; j < width; j++)
        {
            double mean = 0, square = 0;
            for (var i = 0; i < n; i++)
            {
                mean += x[(i * width) + j];
            }

            mean /= n;
            for (var i = 0; i < n; i++)
            {
                square += Math.Pow(x[(i * width) + j] - mean, 2);
            }

            var sd = Math.Sqrt(square / n);
            for (var i = 0; i < n; i++)
            {
                x[(i * width) + j] = sd > 0 ? (x[(i * width) + j] - mean) / sd : 0;
            }
        }

        return x;
    }

    private static (int[] Offsets, int[] Targets, double[] Values) NormalisedAdjacency(GridGraph g, int[] nodes, Dictionary<int, int> local)
    {
        var n = nodes.Length;
        var lists = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            lists[i] = [i];
            foreach (var w in g.Neighbours(nodes[i]))
            {
                if (local.TryGetValue(w, out var j))
                {
                    lists[i].Add(j);
                }
            }
        }

        var offsets = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            offsets[i + 1] = offsets[i] + lists[i].Count;
        }

        var targets = new int[offsets[n]];
        var values = new double[offsets[n]];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < lists[i].Count; k++)
            {
                var j = lists[i][k];
                targets[offsets[i] + k] = j;
                values[offsets[i] + k] = 1 / Math.Sqrt((double)lists[i].Count * lists[j].Count);
            }
        }

        return (offsets, targets, values);
    }

    private static Split MakeSplit(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var train = (int)(n * 0.70);
        var validation = (int)(n * 0.85);
        return new Split(order[..train], order[train..validation], order[validation..]);
    }

    private sealed record Split(int[] Train, int[] Validation, int[] Test);

    /// <summary>Two graph-convolution layers (or, without an adjacency, the same two dense layers: the no-graph control).</summary>
    private sealed class Network
    {
        private readonly int _in;
        private readonly int _hidden;
        private double[] _w1;
        private double[] _b1;
        private double[] _w2;
        private double _b2;

        public Network(int inputs, int hidden, int seed)
        {
            _in = inputs;
            _hidden = hidden;
            var random = new Random(seed);
            var limit1 = Math.Sqrt(6.0 / (inputs + hidden));
            var limit2 = Math.Sqrt(6.0 / (hidden + 1));
            _w1 = [.. Enumerable.Range(0, inputs * hidden).Select(_ => ((random.NextDouble() * 2) - 1) * limit1)];
            _b1 = new double[hidden];
            _w2 = [.. Enumerable.Range(0, hidden).Select(_ => ((random.NextDouble() * 2) - 1) * limit2)];
        }

        public int Fit(double[] x, int[]? offsets, int[]? targets, double[]? values, double[] y, Split split, GnnOptions o)
        {
            var n = y.Length;
            var a1 = Propagate(x, _in, n, offsets, targets, values);
            var positives = split.Train.Count(i => y[i] > 0.5);
            var positiveWeight = positives == 0 ? 1 : (split.Train.Length - positives) / (double)positives;
            var adam = new Adam([_w1.Length, _b1.Length, _w2.Length, 1], o.LearningRate);
            var best = double.MaxValue;
            var bestState = Snapshot();
            var sinceBest = 0;
            var epochs = 0;
            for (var epoch = 0; epoch < o.Epochs; epoch++)
            {
                epochs = epoch + 1;
                var (z1, h1, p) = Forward(a1, n, offsets, targets, values);
                var dz2 = new double[n];
                foreach (var i in split.Train)
                {
                    var weight = y[i] > 0.5 ? positiveWeight : 1;
                    dz2[i] = weight * (p[i] - y[i]) / split.Train.Length;
                }

                var dm = Propagate(dz2, 1, n, offsets, targets, values);
                var gw2 = new double[_hidden];
                var gb2 = dz2.Sum();
                var dz1 = new double[n * _hidden];
                for (var i = 0; i < n; i++)
                {
                    if (dm[i] == 0)
                    {
                        continue;
                    }

                    for (var h = 0; h < _hidden; h++)
                    {
                        gw2[h] += h1[(i * _hidden) + h] * dm[i];
                        dz1[(i * _hidden) + h] = z1[(i * _hidden) + h] > 0 ? dm[i] * _w2[h] : 0;
                    }
                }

                var gw1 = new double[_in * _hidden];
                var gb1 = new double[_hidden];
                for (var i = 0; i < n; i++)
                {
                    for (var h = 0; h < _hidden; h++)
                    {
                        var d = dz1[(i * _hidden) + h];
                        if (d == 0)
                        {
                            continue;
                        }

                        gb1[h] += d;
                        for (var f = 0; f < _in; f++)
                        {
                            gw1[(f * _hidden) + h] += a1[(i * _in) + f] * d;
                        }
                    }
                }

                for (var k = 0; k < gw1.Length; k++)
                {
                    gw1[k] += o.WeightDecay * _w1[k];
                }

                for (var k = 0; k < gw2.Length; k++)
                {
                    gw2[k] += o.WeightDecay * _w2[k];
                }

                var b2 = new[] { _b2 };
                adam.Step([_w1, _b1, _w2, b2], [gw1, gb1, gw2, [gb2]]);
                _b2 = b2[0];

                var validationLoss = Loss(p, y, split.Validation, positiveWeight);
                if (validationLoss < best - 1e-6)
                {
                    best = validationLoss;
                    bestState = Snapshot();
                    sinceBest = 0;
                }
                else if (++sinceBest >= 60)
                {
                    break;
                }
            }

            (_w1, _b1, _w2, _b2) = bestState;
            return epochs;
        }

        public double[] Predict(double[] x, int[]? offsets, int[]? targets, double[]? values)
        {
            var n = x.Length / _in;
            return Forward(Propagate(x, _in, n, offsets, targets, values), n, offsets, targets, values).P;
        }

        private (double[] W1, double[] B1, double[] W2, double B2) Snapshot() => ((double[])_w1.Clone(), (double[])_b1.Clone(), (double[])_w2.Clone(), _b2);

        private (double[] Z1, double[] H1, double[] P) Forward(double[] a1, int n, int[]? offsets, int[]? targets, double[]? values)
        {
            var z1 = new double[n * _hidden];
            var h1 = new double[n * _hidden];
            var m = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var h = 0; h < _hidden; h++)
                {
                    var sum = _b1[h];
                    for (var f = 0; f < _in; f++)
                    {
                        sum += a1[(i * _in) + f] * _w1[(f * _hidden) + h];
                    }

                    z1[(i * _hidden) + h] = sum;
                    h1[(i * _hidden) + h] = Math.Max(0, sum);
                    m[i] += h1[(i * _hidden) + h] * _w2[h];
                }
            }

            var z2 = Propagate(m, 1, n, offsets, targets, values);
            return (z1, h1, [.. z2.Select(z => 1 / (1 + Math.Exp(-(z + _b2))))]);
        }

        private static double Loss(double[] p, double[] y, int[] subset, double positiveWeight)
        {
            var loss = 0.0;
            foreach (var i in subset)
            {
                var q = Math.Clamp(p[i], 1e-7, 1 - 1e-7);
                loss -= y[i] > 0.5 ? positiveWeight * Math.Log(q) : Math.Log(1 - q);
            }

            return loss / Math.Max(1, subset.Length);
        }

        private static double[] Propagate(double[] x, int width, int n, int[]? offsets, int[]? targets, double[]? values)
        {
            if (offsets is null || targets is null || values is null)
            {
                return (double[])x.Clone();
            }

            var result = new double[n * width];
            for (var i = 0; i < n; i++)
            {
                for (var k = offsets[i]; k < offsets[i + 1]; k++)
                {
                    var j = targets[k];
                    var a = values[k];
                    for (var f = 0; f < width; f++)
                    {
                        result[(i * width) + f] += a * x[(j * width) + f];
                    }
                }
            }

            return result;
        }
    }

    private sealed class Adam(int[] sizes, double learningRate)
    {
        private readonly double[][] _m = [.. sizes.Select(s => new double[s])];
        private readonly double[][] _v = [.. sizes.Select(s => new double[s])];
        private int _t;

        public void Step(double[][] parameters, double[][] gradients)
        {
            _t++;
            const double Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-8;
            for (var p = 0; p < parameters.Length; p++)
            {
                for (var k = 0; k < parameters[p].Length; k++)
                {
                    var g = gradients[p][k];
                    _m[p][k] = (Beta1 * _m[p][k]) + ((1 - Beta1) * g);
                    _v[p][k] = (Beta2 * _v[p][k]) + ((1 - Beta2) * g * g);
                    var mHat = _m[p][k] / (1 - Math.Pow(Beta1, _t));
                    var vHat = _v[p][k] / (1 - Math.Pow(Beta2, _t));
                    parameters[p][k] -= learningRate * mHat / (Math.Sqrt(vHat) + Epsilon);
                }
            }
        }
    }
}
