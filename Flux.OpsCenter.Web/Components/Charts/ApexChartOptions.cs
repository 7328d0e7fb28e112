using Flux.OpsCenter.Web.Components.Layout;
using MudBlazor.Utilities;

namespace Flux.OpsCenter.Web.Components.Charts;

/// <summary>Turns typed series into the ApexCharts options object, styled from the theme.</summary>
internal static class ApexChartOptions
{
    // ApexCharts formats times either in UTC or in the browser's zone, neither of which is the utility's: x values are the
    // utility's wall-clock time (toWallClock) written as if it were UTC, and the axis formats them as UTC.
    public static object Build(IReadOnlyList<ChartSeries> series, ChartBars? bars, IReadOnlyList<ChartLimit> limits, string yUnit, int height, string timeFormat,
        Func<DateTimeOffset, DateTimeOffset> toWallClock)
    {
        var palette = OpsCenterTheme.Theme.PaletteDark;
        static string Hex(MudColor color) => color.ToString(MudColorOutputFormats.Hex);
        return new
        {
            chart = new
            {
                type = bars is null ? "line" : "bar",
                height,
                background = "transparent",
                foreColor = Hex(palette.TextSecondary),
                toolbar = new { show = false },
                zoom = new { enabled = false },
                animations = new { enabled = false },
            },
            theme = new { mode = "dark" },
            series = bars is null
                ? series.Select(s => new { name = s.Name, data = (object)s.Points.Select(p => new[] { new DateTimeOffset(toWallClock(p.Time).DateTime, TimeSpan.Zero).ToUnixTimeMilliseconds(), p.Value }).ToArray() }).ToArray()
                : bars.Series.Select(s => new { name = s.Name, data = (object)s.Values.ToArray() }).ToArray(),
            colors = bars is null ? series.Select(s => s.Color).ToArray() : bars.Series.Select(s => s.Color).ToArray(),
            stroke = new { width = 2, curve = "straight" },
            dataLabels = new { enabled = false },
            grid = new { borderColor = Hex(palette.LinesDefault) },
            xaxis = bars is null
                ? (object)new { type = "datetime", labels = new { datetimeUTC = true } }
                : new { type = "category", categories = bars.Labels.ToArray() },
            yaxis = new { min = 0, labels = new { } },
            yUnit,
            tooltip = new { theme = "dark", x = new { format = timeFormat } },
            legend = new { position = "top", horizontalAlign = "left" },
            annotations = new
            {
                yaxis = limits.Select(l => new
                {
                    y = l.Value,
                    borderColor = l.Color,
                    strokeDashArray = 6,
                    label = new { text = l.Label, borderColor = l.Color, style = new { color = Hex(palette.Background), background = l.Color } },
                }).ToArray(),
            },
        };
    }
}
