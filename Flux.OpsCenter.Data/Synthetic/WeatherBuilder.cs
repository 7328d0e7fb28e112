namespace Flux.OpsCenter.Data.Synthetic;

/// <summary>Hourly Houston weather from monthly normals, a diurnal cycle and passing fronts.</summary>
internal static class WeatherBuilder
{
    // NOAA 1991–2020 normals for Houston (IAH), °F: (high, low) by month.
    private static readonly (double High, double Low)[] Normals =
    [
        (63, 45), (67, 48), (73, 54), (80, 61), (86, 68), (91, 74),
        (94, 76), (94, 76), (89, 71), (82, 62), (72, 53), (65, 47),
    ];

    internal sealed record Hour(DateTime Time, double TemperatureF, double HumidityPct, double WindMph, double GustMph, double PrecipitationIn, string Condition);

    public static List<Hour> Build(DateTime firstHourUtc, int hours, Random random)
    {
        var result = new List<Hour>(hours);
        var frontPhase = random.NextDouble() * 2 * Math.PI;
        var rainHours = 0;
        for (var i = 0; i < hours; i++)
        {
            var time = firstHourUtc.AddHours(i);
            var local = time.AddHours(-6);
            var (high, low) = Normals[local.Month - 1];
            var mean = (high + low) / 2;
            var swing = (high - low) / 2;

            // Coldest near 06:00 local, warmest near 15:00; fronts every ~5 days move the mean by ±8 °F.
            var diurnal = -Math.Cos((local.Hour - 3) / 24.0 * 2 * Math.PI);
            var front = 8 * Math.Sin((i / 24.0 / 5.0 * 2 * Math.PI) + frontPhase);
            var temperature = mean + (swing * diurnal) + front + ((random.NextDouble() - 0.5) * 2.5);
            if (rainHours == 0 && random.NextDouble() < 0.012)
            {
                rainHours = 2 + random.Next(6);
            }

            var raining = rainHours > 0;
            if (raining)
            {
                rainHours--;
                temperature -= 3;
            }

            var humidity = Math.Clamp(72 - (diurnal * 18) + (raining ? 20 : 0) + ((random.NextDouble() - 0.5) * 8), 25, 100);
            var wind = Math.Max(0, 7 + (Math.Abs(front) * 0.6) + (raining ? 8 : 0) + ((random.NextDouble() - 0.5) * 6));
            var gust = wind * (1.3 + (random.NextDouble() * 0.4));
            var precipitation = raining ? Math.Round(0.02 + (random.NextDouble() * 0.3), 2) : 0;
            var condition = raining ? (wind > 18 ? "THUNDERSTORM" : "RAIN")
                : humidity > 85 ? "FOG"
                : humidity > 70 ? "CLOUDY"
                : "CLEAR";
            result.Add(new Hour(time, Math.Round(temperature, 1), Math.Round(humidity, 1), Math.Round(wind, 1), Math.Round(gust, 1), precipitation, condition));
        }

        return result;
    }
}
