namespace Flux.OpsCenter.Data.Synthetic;

internal sealed class CrewRecord
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string CrewType { get; init; }
    public required string ServiceCenter { get; init; }
    public required int Members { get; init; }
    public required double HomeLat { get; init; }
    public required double HomeLon { get; init; }
    public required DateTime ShiftStart { get; init; }
    public required DateTime ShiftEnd { get; init; }
    public double Lat { get; set; }
    public double Lon { get; set; }
    public string Status { get; set; } = "AVAILABLE";
    public string? OutageId { get; set; }
    public string? WorkOrderId { get; set; }
}

internal sealed record WorkOrderRecord(
    string Id,
    string? OutageId,
    string AssetId,
    string AssetType,
    FeederModel Feeder,
    string WorkType,
    string Priority,
    string Status,
    string Description,
    string? CrewId,
    DateTime CreatedAt,
    DateTime? ScheduledStart,
    DateTime? CompletedAt,
    double EstimatedHours,
    double? ActualHours,
    double? CostUsd,
    double Latitude,
    double Longitude);

/// <summary>Crews on their shifts and the work orders they clear: outage repairs, inspections and maintenance.</summary>
internal sealed class OperationsBuilder(TerritoryModel model, Random random)
{
    private static readonly (string Name, double Lat, double Lon)[] ServiceCenters =
    [
        ("Greenspoint", 29.944, -95.416), ("Bellaire", 29.705, -95.458), ("Baytown", 29.736, -94.977),
        ("Katy", 29.786, -95.824), ("Humble", 29.999, -95.262), ("Sugar Land", 29.620, -95.635),
        ("Pasadena", 29.691, -95.209), ("Spring Branch", 29.804, -95.500),
    ];

    public List<CrewRecord> BuildCrews(int count, DateTime asOf)
    {
        var crews = new List<CrewRecord>(count);
        var localDay = asOf.AddHours(-6).Date;
        for (var i = 0; i < count; i++)
        {
            var center = ServiceCenters[i % ServiceCenters.Length];
            var type = (i % 10) switch { < 6 => "LINE", 6 => "TREE", 7 => "TREE", 8 => "SERVICE", _ => "SUBSTATION" };

            // Day shift 06:00–18:00 local, night shift 18:00–06:00 local (UTC−6).
            var night = i % 10 >= 7;
            var start = localDay.AddHours(night ? 18 : 6).AddHours(6);
            if (start > asOf)
            {
                start = start.AddDays(-1);
            }

            var end = start.AddHours(12);
            var onShift = asOf >= start && asOf < end;
            crews.Add(new CrewRecord
            {
                Id = $"CREW-{i + 1:000}",
                Name = $"{center.Name} {type.ToLowerInvariant()} {i / ServiceCenters.Length + 1}",
                CrewType = type,
                ServiceCenter = center.Name,
                Members = type == "TREE" ? 3 + random.Next(3) : 2 + random.Next(3),
                HomeLat = center.Lat,
                HomeLon = center.Lon,
                ShiftStart = DateTime.SpecifyKind(start, DateTimeKind.Utc),
                ShiftEnd = DateTime.SpecifyKind(end, DateTimeKind.Utc),
                Lat = center.Lat,
                Lon = center.Lon,
                Status = onShift ? "AVAILABLE" : "OFF_SHIFT",
            });
        }

        return crews;
    }

    public List<WorkOrderRecord> Build(List<OutageRecord> outages, List<CrewRecord> crews, DateTime asOf)
    {
        var orders = new List<WorkOrderRecord>();
        var lineCrews = crews.Where(c => c.CrewType is "LINE" or "SERVICE").ToList();
        foreach (var outage in outages.Where(o => o.End is not null && !o.IsMomentary))
        {
            outage.CrewId = lineCrews[random.Next(lineCrews.Count)].Id;
        }

        // Active outages: the nearest free crew on shift rolls once the call is confirmed.
        foreach (var outage in outages.Where(o => o.End is null))
        {
            var age = (asOf - outage.Start).TotalMinutes;
            CrewRecord? crew = null;
            if (age > 15)
            {
                crew = lineCrews.Where(c => c.Status == "AVAILABLE")
                    .OrderBy(c => HoustonGeography.DistanceKm(c.Lat, c.Lon, outage.Latitude, outage.Longitude))
                    .FirstOrDefault();
            }

            var id = $"WO-{orders.Count + 1:0000000}";
            if (crew is not null)
            {
                outage.CrewId = crew.Id;
                crew.OutageId = outage.Id;
                crew.WorkOrderId = id;
                crew.Status = age > 50 ? "ON_SITE" : "EN_ROUTE";
                (crew.Lat, crew.Lon) = crew.Status == "ON_SITE"
                    ? (outage.Latitude, outage.Longitude)
                    : ((crew.HomeLat + outage.Latitude) / 2, (crew.HomeLon + outage.Longitude) / 2);
            }

            orders.Add(new WorkOrderRecord(id, outage.Id, outage.DeviceId, outage.DeviceType, outage.Feeder, "REPAIR",
                outage.Customers >= 500 ? "CRITICAL" : "HIGH",
                crew is null ? "OPEN" : crew.Status == "ON_SITE" ? "IN_PROGRESS" : "ASSIGNED",
                $"Restore {outage.DeviceType.ToLowerInvariant()} {outage.DeviceId}: {outage.Cause.Replace('_', ' ').ToLowerInvariant()}, {outage.Customers} customers out",
                crew?.Id, outage.Start.AddMinutes(3), crew is null ? null : outage.Start.AddMinutes(20), null,
                Math.Round((outage.EstimatedRestoration!.Value - outage.Start).TotalHours, 1), null, null, outage.Latitude, outage.Longitude));
        }

        // Repairs that followed equipment and vegetation outages; one not finished by the data's clock is still scheduled.
        foreach (var outage in outages.Where(o => o.End is not null && !o.IsMomentary
                     && o.DeviceType is "TRANSFORMER" or "FUSE" && o.Cause is "EQUIPMENT_FAILURE" or "VEGETATION" or "VEHICLE" or "HURRICANE"))
        {
            var hours = Math.Round(2 + (random.NextDouble() * 10), 1);
            var workType = outage.Cause == "VEGETATION" ? "TREE_TRIM" : outage.DeviceType == "TRANSFORMER" ? "REPLACEMENT" : "REPAIR";
            var actualFactor = 0.8 + (random.NextDouble() * 0.5);
            var completed = outage.End!.Value.AddHours(hours);
            var done = completed <= asOf;
            var created = outage.Start.AddMinutes(10) < outage.End.Value ? outage.Start.AddMinutes(10) : outage.End.Value;
            orders.Add(new WorkOrderRecord($"WO-{orders.Count + 1:0000000}", outage.Id, outage.DeviceId, outage.DeviceType, outage.Feeder,
                workType, outage.Customers >= 100 ? "HIGH" : "MEDIUM", done ? "COMPLETED" : "ASSIGNED",
                $"{workType.Replace('_', ' ').ToLowerInvariant()} after outage {outage.Id} ({outage.Cause.Replace('_', ' ').ToLowerInvariant()})",
                outage.CrewId, created, outage.Start.AddMinutes(30), done ? completed : null,
                hours, done ? hours * actualFactor : null, done ? Math.Round(hours * 420 + (workType == "REPLACEMENT" ? 6_500 : 800), 0) : null,
                outage.Latitude, outage.Longitude));
        }

        AddRoutine(orders, crews, asOf);
        return orders;
    }

    private void AddRoutine(List<WorkOrderRecord> orders, List<CrewRecord> crews, DateTime asOf)
    {
        // About two inspections or maintenance jobs per feeder a year; the recent ones still open.
        var count = model.Feeders.Count * 2;
        var available = crews.Where(c => c.Status == "AVAILABLE").ToList();
        for (var i = 0; i < count; i++)
        {
            var feeder = model.Feeders[random.Next(model.Feeders.Count)];
            var transformer = feeder.Transformers[random.Next(feeder.Transformers.Count)];
            var created = asOf.AddMinutes(-random.NextDouble() * 365 * 24 * 60);
            var age = (asOf - created).TotalDays;
            var workType = random.NextDouble() switch { < 0.45 => "INSPECTION", < 0.8 => "MAINTENANCE", < 0.92 => "TREE_TRIM", _ => "REPLACEMENT" };
            var priority = transformer.HealthScore < 45 ? "HIGH" : random.NextDouble() < 0.55 ? "MEDIUM" : "LOW";
            var estimated = Math.Round(1 + (random.NextDouble() * 7), 1);
            string status;
            string? crewId = null;
            DateTime? completed = null;
            if (age > 21 || (age > 2 && random.NextDouble() < 0.35))
            {
                status = "COMPLETED";
                completed = created.AddDays(1 + (random.NextDouble() * Math.Min(age - 0.5, 14)));
                if (completed > asOf)
                {
                    completed = asOf.AddHours(-1);
                }
            }
            else if (random.NextDouble() < 0.08 && available.Count > 0)
            {
                var crew = available[random.Next(available.Count)];
                available.Remove(crew);
                status = "IN_PROGRESS";
                crewId = crew.Id;
                crew.Status = "ON_SITE";
                crew.WorkOrderId = $"WO-{orders.Count + 1:0000000}";
                (crew.Lat, crew.Lon) = (transformer.Latitude, transformer.Longitude);
            }
            else
            {
                status = random.NextDouble() < 0.5 ? "OPEN" : "ASSIGNED";
                crewId = status == "ASSIGNED" ? crews[random.Next(crews.Count)].Id : null;
            }

            orders.Add(new WorkOrderRecord($"WO-{orders.Count + 1:0000000}", null, transformer.Id, "TRANSFORMER", feeder, workType, priority, status,
                $"{workType.Replace('_', ' ').ToLowerInvariant()} of transformer {transformer.Id} (health {transformer.HealthScore:0})",
                crewId ?? (status == "COMPLETED" ? crews[random.Next(crews.Count)].Id : null), created, created.AddDays(random.Next(1, 20)), completed,
                estimated, completed is null ? null : Math.Round(estimated * (0.7 + (random.NextDouble() * 0.7)), 1),
                completed is null ? null : Math.Round(estimated * 380, 0), transformer.Latitude, transformer.Longitude));
        }
    }
}
