using Flux.OpsCenter.Data.Analysis.Network;

namespace Flux.OpsCenter.Data.Analysis.Outages;

/// <summary>
/// Rolls AMI last-gasps up to the common upstream device, as an OMS prediction engine does: a transformer whose meters
/// report is out, and the outage is placed at the highest device above it most of whose transformers (with meters)
/// report. AMI loses some messages, so "most" is a share (<see cref="DefaultClimbShare"/>), not all: a transformer all of
/// whose meters' gasps were lost still counts against the device above it.
/// Built once from the switching hierarchy and transformer connections the connectivity model is built from.
/// </summary>
public sealed class LastGaspPredictor
{
    /// <summary>Share of a device's transformers that must report for the outage to be placed at that device.</summary>
    public const double DefaultClimbShare = 0.6;

    private readonly Dictionary<string, SwitchingDevice> _devices;
    private readonly Dictionary<string, TransformerConnection> _transformers;
    private readonly Dictionary<string, int> _transformersBelow;
    private readonly double _climbShare;

    public LastGaspPredictor(IReadOnlyList<SwitchingDevice> devices, IReadOnlyList<TransformerConnection> transformers, double climbShare = DefaultClimbShare)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(transformers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(climbShare);
        _climbShare = climbShare;
        _devices = devices.Where(d => d.Type != SwitchingDeviceType.Tie).ToDictionary(d => d.Id, StringComparer.Ordinal);
        _transformers = transformers.Where(t => t.Customers > 0).ToDictionary(t => t.Id, StringComparer.Ordinal);
        _transformersBelow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var transformer in _transformers.Values)
        {
            foreach (var device in Upstream(transformer))
            {
                _transformersBelow[device.Id] = _transformersBelow.GetValueOrDefault(device.Id) + 1;
            }
        }
    }

    /// <summary>The outages the last-gasps point to, one per common upstream device, largest first.</summary>
    public IReadOnlyList<PredictedOutage> Predict(IEnumerable<LastGasp> lastGasps)
    {
        ArgumentNullException.ThrowIfNull(lastGasps);
        var metersByTransformer = lastGasps
            .Where(g => _transformers.ContainsKey(g.TransformerId))
            .GroupBy(g => g.TransformerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.MeterId).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);

        // How many reporting transformers each device has above them.
        var reportingBelow = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var transformerId in metersByTransformer.Keys)
        {
            foreach (var device in Upstream(_transformers[transformerId]))
            {
                reportingBelow[device.Id] = reportingBelow.GetValueOrDefault(device.Id) + 1;
            }
        }

        // Each reporting transformer's outage sits at the highest device above it that holds enough reporting transformers:
        // a lateral whose few meters all lost their gasps does not stop a feeder lockout from being seen as one.
        var heads = new HashSet<string>(StringComparer.Ordinal);
        foreach (var transformerId in metersByTransformer.Keys)
        {
            var head = transformerId;
            foreach (var device in Upstream(_transformers[transformerId]))
            {
                if (reportingBelow[device.Id] >= _climbShare * _transformersBelow[device.Id])
                {
                    head = device.Id;
                }
            }

            heads.Add(head);
        }

        return [.. heads.Select(head => Describe(head, metersByTransformer))
            .OrderByDescending(p => p.Customers).ThenBy(p => p.DeviceId, StringComparer.Ordinal)];
    }

    private PredictedOutage Describe(string head, Dictionary<string, int> metersByTransformer)
    {
        if (_transformers.TryGetValue(head, out var single))
        {
            return new PredictedOutage(single.Id, "TRANSFORMER", single.CircuitId, 1, 1, metersByTransformer[head], single.Customers);
        }

        var device = _devices[head];
        var below = _transformers.Values.Where(t => Upstream(t).Any(d => d.Id == head)).ToList();
        return new PredictedOutage(device.Id, device.TypeName, device.CircuitId, below.Count(t => metersByTransformer.ContainsKey(t.Id)), below.Count,
            below.Sum(t => metersByTransformer.GetValueOrDefault(t.Id)), below.Sum(t => t.Customers));
    }

    // The devices above a transformer, nearest first: its fuse, then each parent up to the feeder breaker.
    private IEnumerable<SwitchingDevice> Upstream(TransformerConnection transformer)
    {
        var id = transformer.FuseId;
        for (var depth = 0; id is not null && depth < 64 && _devices.TryGetValue(id, out var device); depth++)
        {
            yield return device;
            id = device.ParentDeviceId;
        }
    }
}
