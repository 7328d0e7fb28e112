namespace Flux.OpsCenter.Web.Components.Charts;

/// <summary>One time series of an <see cref="ApexChart"/>: a name, its points and a theme colour (CSS colour string).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, string Color);

/// <summary>One point of a time series.</summary>
public readonly record struct ChartPoint(DateTimeOffset Time, double Value);

/// <summary>A horizontal reference line (a rating, a limit) with its label.</summary>
public sealed record ChartLimit(double Value, string Label, string Color);

/// <summary>Bars over a category axis (waves, causes): one value per label in each series.</summary>
public sealed record ChartBars(IReadOnlyList<string> Labels, IReadOnlyList<ChartBarSeries> Series);

/// <summary>One bar series of <see cref="ChartBars"/>: a name, a value per label and a theme colour.</summary>
public sealed record ChartBarSeries(string Name, IReadOnlyList<double> Values, string Color);
