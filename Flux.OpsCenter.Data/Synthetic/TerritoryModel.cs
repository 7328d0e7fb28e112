namespace Flux.OpsCenter.Data.Synthetic;

// The in-memory territory the generator builds before writing it; internal and mutable for speed.

internal sealed class SubstationModel
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public required string Region { get; init; }
    public required string City { get; init; }
    public required string VoltageClass { get; init; }
    public required DateOnly Commissioned { get; init; }
    public required double Density { get; init; }
    public double CapacityMva { get; set; }
    public List<FeederModel> Feeders { get; } = [];
}

internal sealed class FeederModel
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required SubstationModel Substation { get; init; }
    public required string VoltageClass { get; init; }
    public required double VoltageKv { get; init; }
    public required string BreakerId { get; init; }
    public string? RecloserId { get; set; }
    public string Conductor { get; set; } = "";
    public double RatedAmps { get; set; }
    public required DateOnly Commissioned { get; init; }
    public List<SegmentModel> Segments { get; } = [];
    public List<TransformerModel> Transformers { get; } = [];
    public double LengthMetres { get; set; }
    public double CapacityKva { get; set; }
    public double ExpectedPeakKw { get; set; }
    public double SummerPeakKw { get; set; }
    public (double Lat, double Lon) TrunkEnd { get; set; }
    public FeederModel? Tie { get; set; }
    public string? TieSwitchId { get; set; }

    /// <summary>The first day the feeder could carry load: its own commissioning, or its substation's if later.</summary>
    public DateOnly InServiceFrom => Commissioned > Substation.Commissioned ? Commissioned : Substation.Commissioned;
}

internal sealed class SegmentModel
{
    public required string Id { get; init; }
    public required FeederModel Feeder { get; init; }
    public required bool IsTrunk { get; init; }
    public string? ParentId { get; init; }
    public required int Sequence { get; init; }
    public required string DeviceId { get; init; }
    public required string DeviceType { get; init; }
    public required double FromLat { get; init; }
    public required double FromLon { get; init; }
    public required double ToLat { get; init; }
    public required double ToLon { get; init; }
    public required double LengthMetres { get; init; }
    public required bool IsOverhead { get; init; }
}

internal sealed class TransformerModel
{
    public required int Index { get; init; }
    public required string Id { get; init; }
    public required FeederModel Feeder { get; init; }
    public required SegmentModel Segment { get; init; }
    public required string? RecloserId { get; init; }
    public required string FuseId { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public required string CustomerClass { get; init; }
    public required bool IsOverhead { get; init; }
    public required int InstallYear { get; init; }
    public required double HealthScore { get; init; }
    public required string Manufacturer { get; init; }
    public double CapacityKva { get; set; }
    public double BaseKw { get; set; }
    public int Customers { get; set; }
    public string? PoleId { get; set; }
    public double PoleLat { get; set; }
    public double PoleLon { get; set; }

    /// <summary>The first day it served anyone: installed in <see cref="InstallYear"/>, and not before its feeder.</summary>
    public DateOnly InServiceFrom
    {
        get
        {
            var installed = new DateOnly(InstallYear, 1, 1).AddDays(Index * 37 % 360);
            return installed > Feeder.InServiceFrom ? installed : Feeder.InServiceFrom;
        }
    }

    /// <summary>The day numbers on which its active accounts opened, ascending: who it served on any past day.</summary>
    public List<int> ActiveAccountsOpened { get; } = [];
}

internal sealed class TerritoryModel
{
    public List<SubstationModel> Substations { get; } = [];
    public List<FeederModel> Feeders { get; } = [];
    public List<TransformerModel> Transformers { get; } = [];
    public int MeterCount { get; set; }
    public int PoleCount { get; set; }
    public int CustomerCount { get; set; }
}
