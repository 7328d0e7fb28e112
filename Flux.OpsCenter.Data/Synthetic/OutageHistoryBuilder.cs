using static Flux.OpsCenter.Data.Synthetic.HoustonGeography;

namespace Flux.OpsCenter.Data.Synthetic;

internal sealed record OutageRecord(
    FeederModel Feeder,
    string DeviceId,
    string DeviceType,
    DateTime Start,
    DateTime? End,
    string Cause,
    int Customers,
    int Transformers,
    DateTime? EstimatedRestoration,
    bool IsMomentary,
    double Latitude,
    double Longitude,
    string? WeatherEvent)
{
    public string Id { get; set; } = "";
    public string? CrewId { get; set; }
}

/// <summary>
/// Twelve months of interruptions at IEEE 1366 levels a Gulf Coast utility reports (SAIFI ≈ 1.1, SAIDI ≈ 100 min
/// on normal days), one hurricane, momentary recloser operations, and the outages active at the data's "now".
/// Every event interrupts exactly the customers downstream of its isolating device.
/// </summary>
internal sealed class OutageHistoryBuilder(TerritoryModel model, Random random)
{
    private static readonly (string Cause, double Weight)[] BaselineCauses =
    [
        ("EQUIPMENT_FAILURE", 0.28), ("VEGETATION", 0.22), ("ANIMAL", 0.14), ("WEATHER", 0.12),
        ("VEHICLE", 0.06), ("OVERLOAD", 0.05), ("DIG_IN", 0.03), ("UNKNOWN", 0.10),
    ];

    private readonly Dictionary<string, (int Customers, int Transformers, double Lat, double Lon)> _devices = BuildDevices(model);

    public DateTime HurricaneDay { get; private set; }

    public List<OutageRecord> Build(DateTime asOf)
    {
        var windowStart = asOf.AddDays(-365);
        var events = new List<OutageRecord>();
        foreach (var feeder in model.Feeders)
        {
            AddBaseline(events, feeder, feeder.BreakerId, "BREAKER", 0.45, 55, 0.8, windowStart, asOf);
            if (feeder.RecloserId is not null)
            {
                AddBaseline(events, feeder, feeder.RecloserId, "RECLOSER", 0.45, 70, 0.8, windowStart, asOf);
                AddMomentaries(events, feeder, windowStart, asOf);
            }

            foreach (var fuse in feeder.Transformers.Select(t => t.FuseId).Distinct())
            {
                AddBaseline(events, feeder, fuse, "FUSE", 0.22, 100, 0.7, windowStart, asOf);
            }

            foreach (var transformer in feeder.Transformers)
            {
                AddBaseline(events, feeder, transformer.Id, "TRANSFORMER", 0.06, 170, 0.6, windowStart, asOf);
            }
        }

        HurricaneDay = ChooseHurricaneDay(windowStart, asOf);
        AddHurricane(events, HurricaneDay, asOf);
        AddActive(events, asOf);

        events.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.DeviceId, b.DeviceId));
        for (var i = 0; i < events.Count; i++)
        {
            events[i].Id = $"OUT-{i + 1:0000000}";
        }

        return events;
    }

    private void AddBaseline(List<OutageRecord> events, FeederModel feeder, string deviceId, string deviceType,
        double ratePerYear, double medianMinutes, double sigma, DateTime windowStart, DateTime asOf)
    {
        var count = Poisson(ratePerYear);
        var device = _devices[deviceId];
        if (device.Customers == 0)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            var start = SeasonalTime(windowStart, asOf);
            var minutes = Math.Max(6, LogNormal(medianMinutes, sigma));
            var end = start.AddMinutes(minutes);
            if (end >= asOf)
            {
                continue;
            }

            events.Add(new OutageRecord(feeder, deviceId, deviceType, start, end, PickCause(), device.Customers, device.Transformers,
                start.AddMinutes(Math.Round(medianMinutes * 1.2 / 15) * 15), false, device.Lat, device.Lon, null));
        }
    }

    private void AddMomentaries(List<OutageRecord> events, FeederModel feeder, DateTime windowStart, DateTime asOf)
    {
        var count = Poisson(1.8);
        for (var i = 0; i < count; i++)
        {
            // A fault past the recloser that clears on reclose: the recloser zone, or the whole feeder if the breaker operated.
            var useBreaker = random.NextDouble() < 0.35;
            var deviceId = useBreaker ? feeder.BreakerId : feeder.RecloserId!;
            var device = _devices[deviceId];
            if (device.Customers == 0)
            {
                continue;
            }

            var start = SeasonalTime(windowStart, asOf);
            var end = start.AddSeconds(20 + random.Next(0, 240));
            if (end >= asOf)
            {
                continue;
            }

            events.Add(new OutageRecord(feeder, deviceId, useBreaker ? "BREAKER" : "RECLOSER", start, end,
                random.NextDouble() < 0.5 ? "VEGETATION" : (random.NextDouble() < 0.5 ? "WEATHER" : "ANIMAL"),
                device.Customers, device.Transformers, null, true, device.Lat, device.Lon, null));
        }
    }

    private void AddHurricane(List<OutageRecord> events, DateTime landfallDay, DateTime asOf)
    {
        // Landfall from the south-east: exposure falls with distance from the coast near Seabrook.
        const double CoastLat = 29.50;
        const double CoastLon = -95.02;
        var landfall = landfallDay.AddHours(9);
        foreach (var feeder in model.Feeders)
        {
            var exposure = Math.Clamp(1 - (DistanceKm(feeder.Substation.Latitude, feeder.Substation.Longitude, CoastLat, CoastLon) / 80), 0.08, 1);
            if (random.NextDouble() < 0.26 * exposure)
            {
                AddStormEvent(events, feeder, feeder.BreakerId, "BREAKER", landfall, 380, 0.75, asOf);
                continue;
            }

            foreach (var fuse in feeder.Transformers.Select(t => t.FuseId).Distinct())
            {
                if (random.NextDouble() < 0.05 * exposure)
                {
                    AddStormEvent(events, feeder, fuse, "FUSE", landfall, 600, 0.6, asOf);
                }
            }

            foreach (var transformer in feeder.Transformers)
            {
                if (random.NextDouble() < 0.01 * exposure)
                {
                    AddStormEvent(events, feeder, transformer.Id, "TRANSFORMER", landfall, 900, 0.5, asOf);
                }
            }
        }
    }

    private void AddStormEvent(List<OutageRecord> events, FeederModel feeder, string deviceId, string deviceType,
        DateTime landfall, double medianMinutes, double sigma, DateTime asOf)
    {
        var device = _devices[deviceId];
        if (device.Customers == 0)
        {
            return;
        }

        var start = landfall.AddMinutes(random.NextDouble() * 14 * 60);
        var end = start.AddMinutes(Math.Max(30, LogNormal(medianMinutes, sigma)));
        if (end >= asOf)
        {
            return;
        }

        events.Add(new OutageRecord(feeder, deviceId, deviceType, start, end, "HURRICANE", device.Customers, device.Transformers,
            start.AddHours(24), false, device.Lat, device.Lon, "HURRICANE"));
    }

    private void AddActive(List<OutageRecord> events, DateTime asOf)
    {
        var count = Math.Min(model.Feeders.Count / 2, Math.Max(1, model.Feeders.Count < 60 ? 4 : 12));
        var feeders = model.Feeders.OrderBy(_ => random.Next()).Take(count).ToList();
        for (var i = 0; i < feeders.Count; i++)
        {
            var feeder = feeders[i];
            var transformer = feeder.Transformers[random.Next(feeder.Transformers.Count)];
            var (deviceId, deviceType, median) = i switch
            {
                0 => (feeder.BreakerId, "BREAKER", 90.0),
                1 when feeder.RecloserId is not null => (feeder.RecloserId, "RECLOSER", 100.0),
                2 or 3 or 4 => (transformer.FuseId, "FUSE", 120.0),
                _ => (transformer.Id, "TRANSFORMER", 180.0),
            };
            var device = _devices[deviceId];
            var start = asOf.AddMinutes(-(5 + random.Next(0, 200)));
            var etr = start.AddMinutes(Math.Round(median * (1 + random.NextDouble()) / 15) * 15);
            if (etr <= asOf.AddMinutes(15))
            {
                etr = asOf.AddMinutes(30 + random.Next(0, 6) * 15);
            }

            events.Add(new OutageRecord(feeder, deviceId, deviceType, start, null, PickCause(), device.Customers, device.Transformers,
                etr, false, device.Lat, device.Lon, null));
        }
    }

    private static DateTime ChooseHurricaneDay(DateTime windowStart, DateTime asOf)
    {
        // Hurricane season dates that hit the Texas coast (Beryl 8 Jul 2024, Harvey 25 Aug 2017, Ike 13 Sep 2008).
        var candidates = new List<DateTime>();
        for (var year = windowStart.Year; year <= asOf.Year; year++)
        {
            candidates.Add(new DateTime(year, 7, 8, 0, 0, 0, DateTimeKind.Utc));
            candidates.Add(new DateTime(year, 8, 25, 0, 0, 0, DateTimeKind.Utc));
            candidates.Add(new DateTime(year, 9, 13, 0, 0, 0, DateTimeKind.Utc));
        }

        return candidates.Where(d => d > windowStart.AddDays(2) && d < asOf.AddDays(-7)).Max();
    }

    private DateTime SeasonalTime(DateTime windowStart, DateTime asOf)
    {
        var span = (asOf - windowStart).TotalMinutes;
        while (true)
        {
            var time = windowStart.AddMinutes(random.NextDouble() * span);
            var local = time.AddHours(-6);
            var season = local.Month is >= 6 and <= 9 ? 1.6 : local.Month is 4 or 5 ? 1.25 : 1.0;
            var hour = local.Hour is >= 13 and <= 20 ? 1.3 : 1.0;
            if (random.NextDouble() * 2.1 < season * hour)
            {
                return new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            }
        }
    }

    private string PickCause()
    {
        var draw = random.NextDouble();
        foreach (var (cause, weight) in BaselineCauses)
        {
            draw -= weight;
            if (draw <= 0)
            {
                return cause;
            }
        }

        return "UNKNOWN";
    }

    private int Poisson(double lambda)
    {
        var limit = Math.Exp(-lambda);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }

    private double LogNormal(double median, double sigma)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    private static Dictionary<string, (int, int, double, double)> BuildDevices(TerritoryModel model)
    {
        var devices = new Dictionary<string, (int Customers, int Transformers, double Lat, double Lon)>(StringComparer.Ordinal);
        foreach (var feeder in model.Feeders)
        {
            devices[feeder.BreakerId] = (feeder.Transformers.Sum(t => t.Customers), feeder.Transformers.Count,
                feeder.Substation.Latitude, feeder.Substation.Longitude);
            if (feeder.RecloserId is not null)
            {
                var zone = feeder.Transformers.Where(t => t.RecloserId == feeder.RecloserId).ToList();
                var at = feeder.Segments.First(s => s.DeviceId == feeder.RecloserId);
                devices[feeder.RecloserId] = (zone.Sum(t => t.Customers), zone.Count, at.FromLat, at.FromLon);
            }

            foreach (var fuse in feeder.Transformers.GroupBy(t => t.FuseId))
            {
                var at = feeder.Segments.First(s => s.DeviceId == fuse.Key);
                devices[fuse.Key] = (fuse.Sum(t => t.Customers), fuse.Count(), at.FromLat, at.FromLon);
            }

            foreach (var transformer in feeder.Transformers)
            {
                devices[transformer.Id] = (transformer.Customers, 1, transformer.Latitude, transformer.Longitude);
            }
        }

        return devices;
    }
}
