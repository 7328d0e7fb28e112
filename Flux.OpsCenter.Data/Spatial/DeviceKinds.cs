namespace Flux.OpsCenter.Data.Spatial;

/// <summary>
/// The switching device kinds as the map API sends them in a device layer's <c>k</c> column (the map draws one symbol
/// per kind): 1 breaker, 2 recloser, 3 sectionalizer, 4 fuse, 5 normally-open tie; 0 is no device.
/// </summary>
public static class DeviceKinds
{
    private static readonly string[] Types = ["", "BREAKER", "RECLOSER", "SECTIONALIZER", "FUSE", "TIE"];
    private static readonly string[] Labels = ["", "Breaker", "Recloser", "Sectionalizer", "Fuse", "Tie switch"];

    public static byte Of(string assetType) => (byte)Math.Max(0, Array.IndexOf(Types, assetType));

    public static string TypeName(byte kind) => Types[kind];

    public static string Label(byte kind) => Labels[kind];
}
