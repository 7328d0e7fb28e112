using DuckDB.NET.Data;

namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// Writes PRODUCTION.SWITCHING_DEVICES from the feeders the network builder grew: the feeder breaker, the mid-line
/// recloser, a sectionalizer further out on the trunk (it counts the recloser's trips and opens in its dead time, so it
/// is no protective device of its own), the fuse at the head of every lateral and one normally-open tie per tied pair.
/// Each device names the device feeding the section it hangs off, which is the hierarchy the connectivity model walks.
/// </summary>
internal static class DeviceBuilder
{
    public const string Breaker = "BREAKER";
    public const string Recloser = "RECLOSER";
    public const string Sectionalizer = "SECTIONALIZER";
    public const string Fuse = "FUSE";
    public const string Tie = "TIE";

    /// <summary>Appends every device in its normal state; <see cref="ApplyOperationHistory"/> then sets the live state.</summary>
    public static void Write(DuckDBConnection connection, TerritoryModel model)
    {
        using var devices = connection.CreateAppender("PRODUCTION", "SWITCHING_DEVICES");
        var ties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feeder in model.Feeders)
        {
            var trunk = feeder.Segments.Where(s => s.IsTrunk).ToList();
            var sectionalizerAt = SectionalizerSegment(trunk);
            var sectionalizerId = sectionalizerAt is null ? null : $"SEC-{feeder.Id[4..]}";
            var head = trunk[0];
            // Drawn where the feeder leaves the substation, so the map shows breaker and substation apart.
            Append(devices, feeder.BreakerId, Breaker, $"{feeder.Name} breaker", feeder, head.Id, null, null, null,
                head.FromLat, head.FromLon, "CLOSED", 600);
            var recloser = trunk.First(s => s.DeviceType == Recloser);
            Append(devices, feeder.RecloserId!, Recloser, $"{feeder.Name} recloser", feeder, recloser.Id, feeder.BreakerId, null, null,
                recloser.FromLat, recloser.FromLon, "CLOSED", 400);
            if (sectionalizerAt is not null)
            {
                Append(devices, sectionalizerId!, Sectionalizer, $"{feeder.Name} sectionalizer", feeder, sectionalizerAt.Id, feeder.RecloserId, null, null,
                    sectionalizerAt.FromLat, sectionalizerAt.FromLon, "CLOSED", 400);
            }

            var trunkById = trunk.ToDictionary(s => s.Id, StringComparer.Ordinal);
            foreach (var fuse in feeder.Segments.Where(s => s.DeviceType == Fuse && s.Sequence == 1))
            {
                var lateral = fuse.DeviceId[^2..];
                Append(devices, fuse.DeviceId, Fuse, $"{feeder.Name} lateral {lateral} fuse", feeder, fuse.Id,
                    SectionDevice(trunkById[fuse.ParentId!], sectionalizerAt, sectionalizerId), null, null, fuse.FromLat, fuse.FromLon, "CLOSED", 65);
            }

            if (feeder.Tie is { } other && feeder.TieSwitchId is { } tieId && ties.Add(tieId))
            {
                var otherTrunk = other.Segments.Where(s => s.IsTrunk).ToList();
                var otherSectionalizer = SectionalizerSegment(otherTrunk);
                var farParent = SectionDevice(otherTrunk[^1], otherSectionalizer, otherSectionalizer is null ? null : $"SEC-{other.Id[4..]}");
                Append(devices, tieId, Tie, $"Tie {feeder.Name} / {other.Name}", feeder, trunk[^1].Id,
                    SectionDevice(trunk[^1], sectionalizerAt, sectionalizerId), other.Id, farParent,
                    (feeder.TrunkEnd.Lat + other.TrunkEnd.Lat) / 2, (feeder.TrunkEnd.Lon + other.TrunkEnd.Lon) / 2, "OPEN", 600);
            }
        }
    }

    /// <summary>
    /// Sets each device's current state and last operation from the outage history: the isolating device of an active
    /// outage is open (tripped), every other device is in its normal state after its latest trip, reclose or close.
    /// </summary>
    public static void ApplyOperationHistory(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Queries.QueryCatalog.Resource("Synthetic/Sql/ApplyDeviceOperationHistory.sql");
        command.ExecuteNonQuery();
    }

    /// <summary>The trunk section where the sectionalizer sits: halfway out along the recloser's part of the trunk.</summary>
    private static SegmentModel? SectionalizerSegment(List<SegmentModel> trunk)
    {
        var recloserPart = trunk.Where(s => s.DeviceType == Recloser).ToList();
        return recloserPart.Count >= 3 ? recloserPart[recloserPart.Count / 2] : null;
    }

    /// <summary>The device feeding the section a trunk segment belongs to.</summary>
    private static string SectionDevice(SegmentModel trunkSegment, SegmentModel? sectionalizerAt, string? sectionalizerId) =>
        sectionalizerAt is not null && trunkSegment.DeviceType == Recloser && trunkSegment.Sequence >= sectionalizerAt.Sequence
            ? sectionalizerId!
            : trunkSegment.DeviceId;

    private static void Append(DuckDBAppender devices, string id, string type, string name, FeederModel feeder, string segmentId,
        string? parentId, string? tieCircuitId, string? tieParentId, double lat, double lon, string normalState, double ratedAmps) =>
        devices.CreateRow()
            .AppendValue(id).AppendValue(type).AppendValue(name).AppendValue(feeder.Id).AppendValue(feeder.Substation.Id).AppendValue(segmentId)
            .AppendValue(parentId).AppendValue(tieCircuitId).AppendValue(tieParentId)
            .AppendValue(Math.Round(lat, 6)).AppendValue(Math.Round(lon, 6)).AppendValue(normalState).AppendValue(normalState).AppendValue(ratedAmps)
            .AppendValue((DateTime?)null).AppendValue((string?)null)
            .EndRow();
}
