using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Data.Analysis.Weather;

/// <summary>
/// A weather quantity interpolated from the stations onto a regular grid by inverse-distance weighting (Shepard, power 2):
/// each cell is the stations' values weighted by 1/d², so the field equals a station's value at the station and never
/// leaves the range the stations span. Nothing is invented between stations.
/// </summary>
public sealed class WeatherField
{
    /// <summary>The grid the map draws: the territory and its stations, Katy to Galveston, Hooks to Angleton, ~2 km cells.</summary>
    public static readonly WeatherGrid TerritoryGrid = new(-96.05, 29.15, -94.75, 30.20, Columns: 66, Rows: 54);

    private const double KmPerDegreeLat = 110.574;

    private readonly IReadOnlyList<WeatherObservation> _stations;
    private readonly double[] _x;
    private readonly double[] _y;

    public WeatherField(IReadOnlyList<WeatherObservation> stations)
    {
        ArgumentNullException.ThrowIfNull(stations);
        if (stations.Count == 0)
        {
            throw new ArgumentException("A field needs at least one station.", nameof(stations));
        }

        _stations = stations;
        // Kilometres on a local plane: one degree of longitude is shorter than one of latitude at 30° N.
        var kmPerDegreeLon = 111.320 * Math.Cos(stations.Average(s => s.Latitude) * Math.PI / 180);
        _x = [.. stations.Select(s => s.Longitude * kmPerDegreeLon)];
        _y = [.. stations.Select(s => s.Latitude * KmPerDegreeLat)];
        KmPerDegreeLon = kmPerDegreeLon;
    }

    private double KmPerDegreeLon { get; }

    /// <summary>The interpolated value at a point; exactly the station's value at a station.</summary>
    public double At(double latitude, double longitude, Func<WeatherObservation, double> quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        var x = longitude * KmPerDegreeLon;
        var y = latitude * KmPerDegreeLat;
        double weighted = 0, weights = 0;
        for (var i = 0; i < _stations.Count; i++)
        {
            var dx = x - _x[i];
            var dy = y - _y[i];
            var squared = (dx * dx) + (dy * dy);
            if (squared < 1e-12)
            {
                return quantity(_stations[i]);
            }

            var weight = 1 / squared;
            weighted += weight * quantity(_stations[i]);
            weights += weight;
        }

        return weighted / weights;
    }

    /// <summary>The quantity at every cell centre of <paramref name="grid"/>, row by row from the south-west corner, rounded to 0.1.</summary>
    public double[] Sample(WeatherGrid grid, Func<WeatherObservation, double> quantity)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var values = new double[grid.Columns * grid.Rows];
        for (var row = 0; row < grid.Rows; row++)
        {
            var latitude = grid.CellLatitude(row);
            for (var column = 0; column < grid.Columns; column++)
            {
                values[(row * grid.Columns) + column] = Math.Round(At(latitude, grid.CellLongitude(column), quantity), 1);
            }
        }

        return values;
    }
}
