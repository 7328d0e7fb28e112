namespace Flux.OpsCenter.Data.Analysis.Weather;

/// <summary>A regular longitude/latitude grid: its bounds and how many cells across and up; values go row by row from the south.</summary>
public sealed record WeatherGrid(double MinLon, double MinLat, double MaxLon, double MaxLat, int Columns, int Rows)
{
    public double CellLongitude(int column) => MinLon + ((column + 0.5) * (MaxLon - MinLon) / Columns);

    public double CellLatitude(int row) => MinLat + ((row + 0.5) * (MaxLat - MinLat) / Rows);
}
