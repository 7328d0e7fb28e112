namespace Flux.OpsCenter.Data.Analysis.Outages;

/// <summary>
/// Which last-gasps an AMI network loses, deterministically for a seed: a meter's message is lost when a hash of the
/// seed and the meter id falls below the loss share. Real AMI loses a share of last-gasps (the meter's capacitor empties
/// before the mesh relays it, the neighbours that would relay it are dark too); a seeded rule makes the loss reproducible.
/// </summary>
public static class LastGaspLoss
{
    /// <summary>Whether the last-gasp of <paramref name="meterId"/> gets through, with <paramref name="lossShare"/> of messages lost.</summary>
    public static bool Delivered(string meterId, double lossShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(meterId);
        // FNV-1a over the seed and the id: stable across processes and platforms, unlike string.GetHashCode.
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in meterId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 2246822519u;
        hash ^= hash >> 13;
        return hash / (double)uint.MaxValue >= lossShare;
    }
}
