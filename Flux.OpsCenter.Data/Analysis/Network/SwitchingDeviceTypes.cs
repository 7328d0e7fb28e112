namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>The spelling of device types and states in the tables, written once.</summary>
public static class SwitchingDeviceTypes
{
    public const string Open = "OPEN";
    public const string Closed = "CLOSED";

    public static string Name(SwitchingDeviceType type) => type switch
    {
        SwitchingDeviceType.Breaker => "BREAKER",
        SwitchingDeviceType.Recloser => "RECLOSER",
        SwitchingDeviceType.Sectionalizer => "SECTIONALIZER",
        SwitchingDeviceType.Fuse => "FUSE",
        _ => "TIE",
    };

    public static SwitchingDeviceType Parse(string text) => text switch
    {
        "BREAKER" => SwitchingDeviceType.Breaker,
        "RECLOSER" => SwitchingDeviceType.Recloser,
        "SECTIONALIZER" => SwitchingDeviceType.Sectionalizer,
        "FUSE" => SwitchingDeviceType.Fuse,
        "TIE" => SwitchingDeviceType.Tie,
        _ => throw new FormatException($"Unknown DEVICE_TYPE '{text}'."),
    };

    /// <summary>True for OPEN, false for CLOSED; anything else is a data error.</summary>
    public static bool IsOpen(string state) => state switch
    {
        Open => true,
        Closed => false,
        _ => throw new FormatException($"Unknown device state '{state}'."),
    };
}
