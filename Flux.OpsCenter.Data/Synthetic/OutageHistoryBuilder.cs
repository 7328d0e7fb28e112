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
/// on normal days), one hurricane, momentary recloser operations, and the outages active at the data's "now";
/// plus <see cref="PriorYears"/> older years of the same baseline with a few storms, so the 2.5β Major Event Day
/// threshold of both the last and the previous twelve months rests on five years of daily SAIDI.
/// Every event interrupts exactly the customers downstream of its isolating device.
/// </summary>
internal sealed class OutageHistoryBuilder(TerritoryModel model, Random random)
{
    /// <summary>Years of history before the last twelve months: five for the threshold, one more for the previous period.</summary>
    public const int PriorYears = 6;

    // Leap days included, so the five years before the previous period's start are all covered.
    private const int PriorYearDays = 366;

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

        events.Sort(ByStart);
        return events;
    }

    /// <summary>
    /// <see cref="PriorYears"/> years of restored history ending at <paramref name="end"/>: the same baseline rates,
    /// momentaries, and each year a spring thunderstorm, sometimes a tropical storm or a winter storm. Crews come
    /// from <paramref name="crewIds"/>; no work orders are kept for them.
    /// </summary>
    public List<OutageRecord> BuildPriorYears(DateTime end, IReadOnlyList<string> crewIds)
    {
        var events = new List<OutageRecord>();
        for (var year = 0; year < PriorYears; year++)
        {
            var windowEnd = end.AddDays(-PriorYearDays * year);
            var windowStart = windowEnd.AddDays(-PriorYearDays);
            foreach (var feeder in model.Feeders)
            {
                AddBaseline(events, feeder, feeder.BreakerId, "BREAKER", 0.45, 55, 0.8, windowStart, windowEnd);
                if (feeder.RecloserId is not null)
                {
                    AddBaseline(events, feeder, feeder.RecloserId, "RECLOSER", 0.45, 70, 0.8, windowStart, windowEnd);
                    AddMomentaries(events, feeder, windowStart, windowEnd);
                }

                foreach (var fuse in feeder.Transformers.Select(t => t.FuseId).Distinct())
                {
                    AddBaseline(events, feeder, fuse, "FUSE", 0.22, 100, 0.7, windowStart, windowEnd);
                }

                foreach (var transformer in feeder.Transformers)
                {
                    AddBaseline(events, feeder, transformer.Id, "TRANSFORMER", 0.06, 170, 0.6, windowStart, windowEnd);
                }
            }

            // A spring squall line crossing the city from the west (the May 2024 derecho kind).
            var squall = DayIn(windowStart, windowEnd, 4, 6);
            AddStorm(events, squall.AddHours(20), 29.78, -95.60, 0.45, 4, "WEATHER", "SEVERE_THUNDERSTORM", windowEnd);
            if (random.NextDouble() < 0.5)
            {
                var landfall = DayIn(windowStart, windowEnd, 8, 9);
                AddStorm(events, landfall.AddHours(9), 29.50, -95.02, 0.6, 14, "HURRICANE", "TROPICAL_STORM", windowEnd);
            }

            if (random.NextDouble() < 0.25)
            {
                var freeze = DayIn(windowStart, windowEnd, 1, 2);
                AddStorm(events, freeze.AddHours(6), 29.95, -95.35, 0.35, 18, "WEATHER", "WINTER_STORM", windowEnd);
            }
        }

        foreach (var outage in events.Where(o => !o.IsMomentary))
        {
            outage.CrewId = crewIds[random.Next(crewIds.Count)];
        }

        events.Sort(ByStart);
        return events;
    }

    /// <summary>Numbers every event in start order, oldest first: <c>OUT-0000001</c>, …</summary>
    public static List<OutageRecord> NumberInStartOrder(IEnumerable<OutageRecord> outages)
    {
        var all = outages.ToList();
        all.Sort(ByStart);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Id = $"OUT-{i + 1:0000000}";
        }

        return all;
    }

    private static int ByStart(OutageRecord a, OutageRecord b) =>
        a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.DeviceId, b.DeviceId);

    private DateTime DayIn(DateTime windowStart, DateTime windowEnd, int firstMonth, int lastMonth)
    {
        var candidates = new List<DateTime>();
        for (var day = windowStart.Date.AddDays(1); day < windowEnd.Date.AddDays(-1); day = day.AddDays(1))
        {
            if (day.Month >= firstMonth && day.Month <= lastMonth)
            {
                candidates.Add(DateTime.SpecifyKind(day, DateTimeKind.Utc));
            }
        }

        return candidates.Count == 0 ? DateTime.SpecifyKind(windowStart.Date.AddDays(1), DateTimeKind.Utc) : candidates[random.Next(candidates.Count)];
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

    // Landfall from the south-east: exposure falls with distance from the coast near Seabrook.
    private void AddHurricane(List<OutageRecord> events, DateTime landfallDay, DateTime asOf) =>
        AddStorm(events, landfallDay.AddHours(9), 29.50, -95.02, 1.0, 14, "HURRICANE", "HURRICANE", asOf);

    private void AddStorm(List<OutageRecord> events, DateTime onset, double centreLat, double centreLon, double intensity,
        double spreadHours, string cause, string weatherEvent, DateTime asOf)
    {
        foreach (var feeder in model.Feeders)
        {
            var exposure = Math.Clamp(1 - (DistanceKm(feeder.Substation.Latitude, feeder.Substation.Longitude, centreLat, centreLon) / 80), 0.08, 1);
            if (random.NextDouble() < 0.26 * exposure * intensity)
            {
                AddStormEvent(events, feeder, feeder.BreakerId, "BREAKER", onset, spreadHours, 380, 0.75, cause, weatherEvent, asOf);
                continue;
            }

            foreach (var fuse in feeder.Transformers.Select(t => t.FuseId).Distinct())
            {
                if (random.NextDouble() < 0.05 * exposure * intensity)
                {
                    AddStormEvent(events, feeder, fuse, "FUSE", onset, spreadHours, 600, 0.6, cause, weatherEvent, asOf);
                }
            }

            foreach (var transformer in feeder.Transformers)
            {
                if (random.NextDouble() < 0.01 * exposure * intensity)
                {
                    AddStormEvent(events, feeder, transformer.Id, "TRANSFORMER", onset, spreadHours, 900, 0.5, cause, weatherEvent, asOf);
                }
            }
        }
    }

    private void AddStormEvent(List<OutageRecord> events, FeederModel feeder, string deviceId, string deviceType,
        DateTime landfall, double spreadHours, double medianMinutes, double sigma, string cause, string weatherEvent, DateTime asOf)
    {
        var device = _devices[deviceId];
        if (device.Customers == 0)
        {
            return;
        }

        var start = landfall.AddMinutes(random.NextDouble() * spreadHours * 60);
        var end = start.AddMinutes(Math.Max(30, LogNormal(medianMinutes, sigma)));
        if (end >= asOf)
        {
            return;
        }

        events.Add(new OutageRecord(feeder, deviceId, deviceType, start, end, cause, device.Customers, device.Transformers,
            start.AddHours(24), false, device.Lat, device.Lon, weatherEvent));
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
