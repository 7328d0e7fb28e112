namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>
/// Hourly observations at every <see cref="WeatherStations"/> site from one regional weather, so neighbouring stations
/// agree: NOAA normals interpolated by day of year, a diurnal cycle damped near the Gulf, an urban heat island at night,
/// fronts that reach the north-west stations first and cross the territory at a front's speed, and rain cells that move
/// west to east. Every term is a closed form of the hour and the station's position (a few random draws per window, none
/// per row), so the series of a station is continuous and stays within Houston's physical range.
/// </summary>
internal static class WeatherBuilder
{
    // NOAA 1991–2020 normals for Houston (IAH), °F: (high, low) by month, taken as mid-month values.
    private static readonly (double High, double Low)[] Normals =
    [
        (63, 45), (67, 48), (73, 54), (80, 61), (86, 68), (91, 74),
        (94, 76), (94, 76), (89, 71), (82, 62), (72, 53), (65, 47),
    ];

    /// <summary>Fronts move south-east across the territory at about 35 km/h and pass every ~5 days.</summary>
    private const double FrontSpeedKmPerHour = 35;
    private const double FrontPeriodHours = 5 * 24;
    private const double FrontAmplitudeF = 8;

    /// <summary>Rain cells cross west to east at about 30 km/h with a 30 km radius.</summary>
    private const double CellSpeedKmPerHour = 30;
    private const double CellRadiusKm = 30;

    internal sealed record Observation(
        DateTime Time, WeatherStations.Site Station, double TemperatureF, double HumidityPct, double WindMph, double GustMph,
        double PrecipitationIn, string Condition);

    private sealed record RainCell(double StartHour, double Latitude, double StartEastKm, double Intensity);

    public static List<Observation> Build(DateTime firstHourUtc, int hours, Random random)
    {
        var frontPhase = random.NextDouble() * 2 * Math.PI;
        var cells = DrawRainCells(hours, random);
        var result = new List<Observation>(hours * WeatherStations.All.Count);
        foreach (var station in WeatherStations.All)
        {
            var place = StationPlace.Of(station);
            for (var i = 0; i < hours; i++)
            {
                result.Add(Observe(firstHourUtc.AddHours(i), i, station, place, frontPhase, cells));
            }
        }

        return result;
    }

    private static Observation Observe(DateTime time, int hourIndex, WeatherStations.Site station, StationPlace place, double frontPhase, List<RainCell> cells)
    {
        var local = time.AddHours(-6);
        var (high, low) = NormalsOn(local);
        var mean = (high + low) / 2;
        var swing = (high - low) / 2 * (1 - (0.35 * place.Marine));

        // Coldest near 06:00 local, warmest near 15:00; the city keeps up to 2 °F of the day's heat at night.
        var diurnal = -Math.Cos((local.Hour + (local.Minute / 60.0) - 3) / 24.0 * 2 * Math.PI);
        var heatIsland = 2.0 * place.Urban * Math.Max(0, -diurnal);
        var frontHours = hourIndex - (place.FrontLagKm / FrontSpeedKmPerHour);
        var front = FrontAmplitudeF * Math.Sin((frontHours / FrontPeriodHours * 2 * Math.PI) + frontPhase);

        // Two incommensurate waves per station stand in for local variation, smooth from hour to hour.
        var local1 = Math.Sin(place.Phase + (hourIndex * 0.37));
        var local2 = Math.Sin((place.Phase * 2.3) + (hourIndex * 0.91));
        var wetness = Wetness(hourIndex, station, cells);

        var temperature = mean + (swing * diurnal) + front + heatIsland + (0.8 * local1) + (0.4 * local2) - (4 * wetness);
        var humidity = Math.Clamp(72 - (diurnal * 18) + (8 * place.Marine) + (25 * wetness) + (4 * local2), 25, 100);
        var wind = Math.Max(0, 7 + (Math.Abs(front) * 0.6) + (4 * place.Marine) + (14 * wetness) + (2 * local1));
        var gust = wind * (1.35 + (0.15 * local2));
        var precipitation = wetness > 0.05 ? Math.Round(0.5 * wetness * wetness, 2) : 0;
        var condition = precipitation > 0 ? (wind > 18 ? "THUNDERSTORM" : "RAIN")
            : humidity > 92 ? "FOG"
            : humidity > 75 ? "CLOUDY"
            : "CLEAR";
        return new Observation(time, station, Math.Round(temperature, 1), Math.Round(humidity, 1), Math.Round(wind, 1), Math.Round(gust, 1),
            precipitation, condition);
    }

    /// <summary>Daily normals, linear between mid-month values, so the month's turn is no step.</summary>
    private static (double High, double Low) NormalsOn(DateTime local)
    {
        var month = local.Month - 1;
        var midThis = new DateTime(local.Year, local.Month, 15, 0, 0, 0, DateTimeKind.Unspecified);
        var otherMonth = local < midThis ? (month + 11) % 12 : (month + 1) % 12;
        var midOther = local < midThis ? midThis.AddMonths(-1) : midThis.AddMonths(1);
        var weight = Math.Abs((local - midThis).TotalDays / (midOther - midThis).TotalDays);
        var (h1, l1) = Normals[month];
        var (h2, l2) = Normals[otherMonth];
        return (h1 + ((h2 - h1) * weight), l1 + ((l2 - l1) * weight));
    }

    private static List<RainCell> DrawRainCells(int hours, Random random)
    {
        // About one cell every three to four days, entering the territory's west edge at a random latitude.
        var cells = new List<RainCell>();
        for (var start = -12.0; start < hours; start += 30 + (random.NextDouble() * 110))
        {
            cells.Add(new RainCell(start, 29.35 + (random.NextDouble() * 0.8), -60, 0.6 + (random.NextDouble() * 0.4)));
        }

        return cells;
    }

    /// <summary>0 outside every cell, up to the cell's intensity under its centre; smooth as a cell moves over.</summary>
    private static double Wetness(int hourIndex, WeatherStations.Site station, List<RainCell> cells)
    {
        var wetness = 0.0;
        foreach (var cell in cells)
        {
            var elapsed = hourIndex - cell.StartHour;
            if (elapsed < 0)
            {
                continue;
            }

            var centreEastKm = cell.StartEastKm + (elapsed * CellSpeedKmPerHour);
            var eastKm = (station.Longitude - HoustonGeography.DowntownLon) * HoustonGeography.KmPerDegreeLon(station.Latitude);
            var northKm = (station.Latitude - cell.Latitude) * HoustonGeography.KmPerDegreeLat;
            var distance = Math.Sqrt(((eastKm - centreEastKm) * (eastKm - centreEastKm)) + (northKm * northKm));
            var share = 1 - (distance / CellRadiusKm);
            if (share > 0)
            {
                wetness = Math.Max(wetness, cell.Intensity * share * share);
            }
        }

        return wetness;
    }

    /// <summary>What a station's position does to its weather: marine influence, urban heat, front arrival, local phase.</summary>
    private sealed record StationPlace(double Marine, double Urban, double FrontLagKm, double Phase)
    {
        public static StationPlace Of(WeatherStations.Site station)
        {
            var galveston = WeatherStations.All.Single(s => s.Id == "KGLS");
            var fromCoastKm = HoustonGeography.DistanceKm(station.Latitude, station.Longitude, galveston.Latitude, galveston.Longitude);
            var fromDowntownKm = HoustonGeography.DistanceKm(station.Latitude, station.Longitude, HoustonGeography.DowntownLat, HoustonGeography.DowntownLon);

            // Distance along the front's south-east motion from a line through downtown: north-west stations see it first.
            var northKm = (station.Latitude - HoustonGeography.DowntownLat) * HoustonGeography.KmPerDegreeLat;
            var eastKm = (station.Longitude - HoustonGeography.DowntownLon) * HoustonGeography.KmPerDegreeLon(station.Latitude);
            var alongSouthEastKm = (eastKm - northKm) / Math.Sqrt(2);
            var phase = (station.Latitude * 977.0) + (station.Longitude * 613.0);
            return new StationPlace(Math.Exp(-fromCoastKm / 45), Math.Exp(-fromDowntownKm / 15), alongSouthEastKm, phase % (2 * Math.PI));
        }
    }
}
