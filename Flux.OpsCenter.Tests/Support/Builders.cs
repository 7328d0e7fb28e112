using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Web.Components.Map;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>Test data with sensible defaults; tests change only what they are about.</summary>
internal static class Builders
{
    public static OpsKpis Kpis(long customersOut = 1_234, long activeOutages = 7) => new(
        AsOf: new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero),
        TotalCustomers: 690_123,
        CustomersOut: customersOut,
        ActiveOutages: activeOutages,
        CircuitsInOutage: 5,
        TotalLoadMw: 1_432.6,
        PeakLoadMw24h: 2_135.1,
        SystemCapacityMw: 3_888,
        CrewsActive: 26,
        OpenWorkOrders: 245,
        AvgRestorationMinutes: 150.2,
        Saidi12m: 160.46,
        Saifi12m: 1.024,
        Caidi12m: 156.7,
        AvgAssetHealth: 78.8);

    public static GridAlarm Alarm(string alarmId, string? acknowledgedBy = null, string priority = "MEDIUM", bool active = true, DateTimeOffset? shelvedUntil = null) => new(
        alarmId, "OUTAGE", priority, new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero),
        active ? null : new DateTimeOffset(2026, 11, 20, 14, 50, 0, TimeSpan.Zero), "FDR-003-02", "SUB-003", "CENTRAL", "FUS-003-02-07",
        alarmId.Replace("NEW-", "", StringComparison.Ordinal), 120, 0, "FUSE FUS-003-02-07 open: 120 customers out (EQUIPMENT)", active, false,
        acknowledgedBy, acknowledgedBy is null ? null : new DateTimeOffset(2026, 11, 20, 14, 40, 0, TimeSpan.Zero), null,
        shelvedUntil is null ? null : "op.shelver", shelvedUntil, shelvedUntil is null ? null : "crew on site");

    public static MapAssetCard TransformerCard() =>
        new("TX-0000042", "TRANSFORMER", "Oak Forest 42", "OVERLOADED", 61.3, 104.2, 12, "FDR-003-02", "SUB-003");
}
