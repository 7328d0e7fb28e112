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

    /// <summary>Spread of the daily weather factor on ordinary days (log-normal), the main driver of day-to-day SAIDI.</summary>
    public const double DailyWeatherSigma = 1.1;

    /// <summary>Failures per transformer-year of the fleet's average unit; each unit's own rate scales it by <see cref="TransformerFailureHazard"/>.</summary>
    public const double TransformerFailuresPerYear = 0.06;

    private readonly Dictionary<string, Device> _devices = BuildDevices(model);
    private readonly Dictionary<int, Dictionary<string, double>> _failureHazardByYear = [];
    private (DateTime Start, DateTime End, DateTime First, double[] Cumulative)? _dayWeights;

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
                AddBaseline(events, feeder, transformer.Id, "TRANSFORMER", TransformerFailuresPerYear * FailureHazard(asOf.Year)[transformer.Id], 170, 0.6, windowStart, asOf);
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
                    AddBaseline(events, feeder, transformer.Id, "TRANSFORMER", TransformerFailuresPerYear * FailureHazard(windowEnd.Year)[transformer.Id], 170, 0.6, windowStart, windowEnd);
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

    /// <summary>Each transformer's failure hazard relative to the fleet for a year's ages; computed once per year.</summary>
    private Dictionary<string, double> FailureHazard(int year)
    {
        if (!_failureHazardByYear.TryGetValue(year, out var hazard))
        {
            hazard = TransformerFailureHazard.Relative(model.Transformers, year);
            _failureHazardByYear[year] = hazard;
        }

        return hazard;
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
        if (device.Customers.Length == 0)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            var start = SeasonalTime(windowStart, asOf);
            var minutes = Math.Max(6, LogNormal(medianMinutes, sigma));
            var end = start.AddMinutes(minutes);
            var cause = PickCause();
            if (end >= asOf || !device.ServedAt(start, out var customers, out var transformers))
            {
                continue;
            }

            events.Add(new OutageRecord(feeder, deviceId, deviceType, start, end, cause, customers, transformers,
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
            if (device.Customers.Length == 0)
            {
                continue;
            }

            var start = SeasonalTime(windowStart, asOf);
            var end = start.AddSeconds(20 + random.Next(0, 240));
            var cause = random.NextDouble() < 0.5 ? "VEGETATION" : (random.NextDouble() < 0.5 ? "WEATHER" : "ANIMAL");
            if (end >= asOf || !device.ServedAt(start, out var customers, out var transformers))
            {
                continue;
            }

            events.Add(new OutageRecord(feeder, deviceId, useBreaker ? "BREAKER" : "RECLOSER", start, end, cause,
                customers, transformers, null, true, device.Lat, device.Lon, null));
        }
    }

    /// <summary>
    /// A Gulf hurricane in the Beryl (July 2024) mould: landfall on the coast south-west of the city, the centre moving
    /// north-north-east across the territory at about 20 km/h. A feeder locks out as the eyewall passes, with a chance
    /// that falls with its distance from the track; damage is spread over the first day; restoration is crew-limited and
    /// takes days (median ~20 h, a tail past a week). Laterals and transformers damaged behind a locked-out breaker are
    /// found, and stay out, when the feeder is re-energised, so customers are never counted out twice at once.
    /// </summary>
    private void AddHurricane(List<OutageRecord> events, DateTime landfallDay, DateTime asOf)
    {
        const double LandfallLat = 28.90;
        const double LandfallLon = -95.55;
        const double BearingRadians = 10 * Math.PI / 180;
        const double SpeedKmPerHour = 20;
        var landfall = landfallDay.AddHours(9);
        foreach (var feeder in model.Feeders)
        {
            // Position of the feeder relative to the track: along it (when the centre passes) and across it (how hard).
            var northKm = (feeder.Substation.Latitude - LandfallLat) * KmPerDegreeLat;
            var eastKm = (feeder.Substation.Longitude - LandfallLon) * KmPerDegreeLon(feeder.Substation.Latitude);
            var alongKm = (northKm * Math.Cos(BearingRadians)) + (eastKm * Math.Sin(BearingRadians));
            var acrossKm = Math.Abs((eastKm * Math.Cos(BearingRadians)) - (northKm * Math.Sin(BearingRadians)));
            var passes = landfall.AddHours(Math.Max(0, alongKm) / SpeedKmPerHour);
            var wind = Math.Exp(-acrossKm / 70);
            DateTime? feederBack = null;
            if (random.NextDouble() < 0.92 * wind)
            {
                feederBack = AddHurricaneEvent(events, feeder, feeder.BreakerId, "BREAKER", passes.AddMinutes((random.NextDouble() - 0.3) * 240), 20 * 60, 0.8, asOf);
            }

            foreach (var fuse in feeder.Transformers.Select(t => t.FuseId).Distinct())
            {
                if (random.NextDouble() < 0.16 * wind)
                {
                    var found = feederBack ?? passes.AddMinutes(random.NextDouble() * 600);
                    AddHurricaneEvent(events, feeder, fuse, "FUSE", found, 26 * 60, 0.7, asOf);
                }
            }

            foreach (var transformer in feeder.Transformers)
            {
                if (random.NextDouble() < 0.012 * wind)
                {
                    var found = feederBack ?? passes.AddMinutes(random.NextDouble() * 600);
                    AddHurricaneEvent(events, feeder, transformer.Id, "TRANSFORMER", found, 40 * 60, 0.6, asOf);
                }
            }
        }
    }

    /// <summary>One hurricane interruption; returns when it was restored (null if it was not kept).</summary>
    private DateTime? AddHurricaneEvent(List<OutageRecord> events, FeederModel feeder, string deviceId, string deviceType,
        DateTime start, double medianMinutes, double sigma, DateTime asOf)
    {
        var device = _devices[deviceId];
        var minutes = Math.Clamp(LogNormal(medianMinutes, sigma), 60, 12 * 24 * 60);
        var end = start.AddMinutes(minutes);
        if (device.Customers.Length == 0 || end >= asOf || !device.ServedAt(start, out var customers, out var transformers))
        {
            return null;
        }

        events.Add(new OutageRecord(feeder, deviceId, deviceType, start, end, "HURRICANE", customers, transformers,
            start.AddHours(72), false, device.Lat, device.Lon, "HURRICANE"));
        return end;
    }

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
        if (device.Customers.Length == 0)
        {
            return;
        }

        var start = landfall.AddMinutes(random.NextDouble() * spreadHours * 60);
        var end = start.AddMinutes(Math.Max(30, LogNormal(medianMinutes, sigma)));
        if (end >= asOf || !device.ServedAt(start, out var customers, out var transformers))
        {
            return;
        }

        events.Add(new OutageRecord(feeder, deviceId, deviceType, start, end, cause, customers, transformers,
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

            device.ServedAt(start, out var customers, out var transformers);
            events.Add(new OutageRecord(feeder, deviceId, deviceType, start, null, PickCause(), customers, transformers,
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

        // Three weeks before the clock at least, so even the longest restorations are finished.
        return candidates.Where(d => d > windowStart.AddDays(2) && d < asOf.AddDays(-21)).Max();
    }

    private DateTime SeasonalTime(DateTime windowStart, DateTime asOf)
    {
        // A day is drawn by its weight (season × that day's weather), then a time within it by the hour of day.
        var days = DayWeights(windowStart, asOf);
        var draw = random.NextDouble() * days.Cumulative[^1];
        var (low, high) = (0, days.Cumulative.Length - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (days.Cumulative[middle] < draw)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var dayStart = days.First.AddDays(low);
        while (true)
        {
            var time = dayStart.AddMinutes(random.NextDouble() * 24 * 60);
            var local = time.AddHours(-6);
            var hour = local.Hour is >= 13 and <= 20 ? 1.3 : 1.0;
            if (time >= windowStart && time < asOf && random.NextDouble() * 1.3 < hour)
            {
                return new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            }
        }
    }

    /// <summary>
    /// The relative chance of an interruption on each UTC day of a window: the season, times a log-normal weather factor
    /// per day (σ = <see cref="DailyWeatherSigma"/>, mean 1), so ordinary days range from calm to stormy as real daily
    /// SAIDI does, and the 2.5β test finds bad-weather days that no storm was planted on.
    /// </summary>
    private (DateTime First, double[] Cumulative) DayWeights(DateTime windowStart, DateTime asOf)
    {
        if (_dayWeights is { } cached && cached.Start == windowStart && cached.End == asOf)
        {
            return (cached.First, cached.Cumulative);
        }

        var first = DateTime.SpecifyKind(windowStart.Date, DateTimeKind.Utc);
        var count = (int)Math.Ceiling((asOf - first).TotalDays);
        var cumulative = new double[count];
        var total = 0.0;
        for (var d = 0; d < count; d++)
        {
            var local = first.AddDays(d).AddHours(12);
            var season = local.Month is >= 6 and <= 9 ? 1.6 : local.Month is 4 or 5 ? 1.25 : 1.0;
            var weather = Math.Exp((DailyWeatherSigma * Gaussian()) - (DailyWeatherSigma * DailyWeatherSigma / 2));
            var dayEnd = first.AddDays(d + 1) < asOf ? first.AddDays(d + 1) : asOf;
            var inWindow = dayEnd - (first.AddDays(d) > windowStart ? first.AddDays(d) : windowStart);
            total += season * weather * Math.Max(0, inWindow.TotalDays);
            cumulative[d] = total;
        }

        _dayWeights = (windowStart, asOf, first, cumulative);
        return (first, cumulative);
    }

    private double Gaussian()
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
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

    private static Dictionary<string, Device> BuildDevices(TerritoryModel model)
    {
        var devices = new Dictionary<string, Device>(StringComparer.Ordinal);
        foreach (var feeder in model.Feeders)
        {
            devices[feeder.BreakerId] = Device.Of(feeder.Transformers, feeder.Substation.Latitude, feeder.Substation.Longitude);
            if (feeder.RecloserId is not null)
            {
                var at = feeder.Segments.First(s => s.DeviceId == feeder.RecloserId);
                devices[feeder.RecloserId] = Device.Of(feeder.Transformers.Where(t => t.RecloserId == feeder.RecloserId), at.FromLat, at.FromLon);
            }

            foreach (var fuse in feeder.Transformers.GroupBy(t => t.FuseId))
            {
                var at = feeder.Segments.First(s => s.DeviceId == fuse.Key);
                devices[fuse.Key] = Device.Of(fuse, at.FromLat, at.FromLon);
            }

            foreach (var transformer in feeder.Transformers)
            {
                devices[transformer.Id] = Device.Of([transformer], transformer.Latitude, transformer.Longitude);
            }
        }

        return devices;
    }

    /// <summary>
    /// An isolating device and who is behind it over time: the day numbers its downstream active accounts opened and
    /// its transformers entered service, ascending. An event counts the customers connected on the day it starts,
    /// and cannot happen before any equipment behind the device was in service.
    /// </summary>
    private sealed class Device(int[] customers, int[] transformers, double lat, double lon)
    {
        public int[] Customers => customers;

        public double Lat => lat;

        public double Lon => lon;

        public static Device Of(IEnumerable<TransformerModel> downstream, double lat, double lon)
        {
            var list = downstream.ToList();
            var opened = list.SelectMany(t => t.ActiveAccountsOpened).ToArray();
            var inService = list.Select(t => t.InServiceFrom.DayNumber).ToArray();
            Array.Sort(opened);
            Array.Sort(inService);
            return new Device(opened, inService, lat, lon);
        }

        /// <summary>Customers and transformers connected on the day of <paramref name="start"/>; false when there were none.</summary>
        public bool ServedAt(DateTime start, out int customerCount, out int transformerCount)
        {
            var day = DateOnly.FromDateTime(start).DayNumber;
            customerCount = CountAtOrBefore(customers, day);
            transformerCount = CountAtOrBefore(transformers, day);
            return customerCount > 0 && transformerCount > 0;
        }

        private static int CountAtOrBefore(int[] sorted, int day)
        {
            // Lower bound of day + 1: the number of entries on or before day.
            var (low, high) = (0, sorted.Length);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (sorted[middle] <= day)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
