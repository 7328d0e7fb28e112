using System.Globalization;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Export;

/// <summary>
/// The columns of every table the outage, reliability and work-order pages show; pages render them and the export
/// endpoints write them, so a downloaded CSV has the very rows and figures on screen.
/// </summary>
public static class ExportTables
{
    public static readonly IReadOnlyList<CsvColumn<FeederReliability>> WorstFeeders =
    [
        new("Feeder", f => f.CircuitId),
        new("Name", f => f.CircuitName),
        new("Substation", f => f.SubstationId),
        new("Customers", f => Whole(f.CustomersServed), true),
        new("Sustained events", f => Whole(f.SustainedEvents), true),
        new("Customer interruptions", f => Whole(f.CustomerInterruptions), true),
        new("SAIDI (min)", f => Number(f.Saidi, 1), true),
        new("CEMI customers", f => Whole(f.CemiCustomers), true),
        new("CEMI %", f => Number(f.CemiPct, 1), true),
        new("CELID customers", f => Whole(f.CelidCustomers), true),
        new("CELID %", f => Number(f.CelidPct, 1), true),
    ];

    public static readonly IReadOnlyList<CsvColumn<CauseReliability>> Causes =
    [
        new("Cause", c => c.Cause),
        new("Sustained events", c => Whole(c.All.Totals.SustainedEvents), true),
        new("Customer interruptions", c => Whole(c.All.Totals.CustomerInterruptions), true),
        new("Customer minutes", c => Whole(c.All.Totals.CustomerMinutes), true),
        new("Share of minutes %", c => Number(c.ShareOfCustomerMinutesPct, 1), true),
        new("SAIDI (min)", c => Number(c.All.Saidi, 2), true),
        new("SAIFI", c => Number(c.All.Saifi, 3), true),
        new("SAIDI excl. MED (min)", c => Number(c.ExcludingMajorEvents.Saidi, 2), true),
        new("Momentary interruptions", c => Whole(c.All.Totals.MomentaryInterruptions), true),
    ];

    public static readonly IReadOnlyList<CsvColumn<MonthlyReliability>> Monthly =
    [
        new("Month", m => m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        new("SAIDI (min)", m => Number(m.All.Saidi, 2), true),
        new("SAIFI", m => Number(m.All.Saifi, 3), true),
        new("SAIDI excl. MED (min)", m => Number(m.ExcludingMajorEvents.Saidi, 2), true),
        new("SAIFI excl. MED", m => Number(m.ExcludingMajorEvents.Saifi, 3), true),
        new("MAIFI", m => Number(m.All.Maifi, 3), true),
        new("Customer interruptions", m => Whole(m.All.Totals.CustomerInterruptions), true),
    ];

    public static readonly IReadOnlyList<CsvColumn<IndexRow>> Indices =
    [
        new("Index", r => r.Index),
        new("With MEDs", r => r.WithMajorEvents, true),
        new("Without MEDs", r => r.WithoutMajorEvents, true),
        new("Unit", r => r.Unit),
    ];

    public static readonly IReadOnlyList<CsvColumn<ComparisonRow>> Comparison =
    [
        new("Index", r => r.Index),
        new("Current period", r => r.Current, true),
        new("Previous period", r => r.Previous, true),
        new("Change %", r => r.ChangePct, true),
    ];

    public static readonly IReadOnlyList<CsvColumn<Outage>> Outages =
    [
        new("Outage", o => o.OutageId),
        new("Substation", o => o.SubstationId),
        new("Feeder", o => o.CircuitId),
        new("Device type", o => o.DeviceType),
        new("Device", o => o.DeviceId),
        new("Cause", o => o.Cause),
        new("Customers", o => Whole(o.CustomersAffected), true),
        new("Start (UTC)", o => Time(o.StartTime)),
        new("End (UTC)", o => Time(o.EndTime)),
        new("Minutes", o => o.EndTime is null ? "" : Number(o.DurationMinutes(o.EndTime.Value), 1), true),
        new("Momentary", o => o.IsMomentary ? "yes" : "no"),
        new("Crew", o => o.CrewId ?? ""),
        new("ETR (UTC)", o => Time(o.EstimatedRestoration)),
        new("Latitude", o => Number(o.Latitude, 5), true),
        new("Longitude", o => Number(o.Longitude, 5), true),
    ];

    public static readonly IReadOnlyList<CsvColumn<WorkOrder>> WorkOrders =
    [
        new("Work order", w => w.WorkOrderId),
        new("Priority", w => w.Priority),
        new("Status", w => w.Status),
        new("Type", w => w.WorkType),
        new("Asset", w => w.AssetId),
        new("Feeder", w => w.CircuitId),
        new("Outage", w => w.OutageId ?? ""),
        new("Crew", w => w.CrewId ?? ""),
        new("Created (UTC)", w => Time(w.CreatedAt)),
        new("Estimated hours", w => Number(w.EstimatedHours, 1), true),
        new("Description", w => w.Description),
    ];

    public static readonly IReadOnlyList<CsvColumn<WorkOrderSummary>> WorkOrderSummary =
    [
        new("Priority", s => s.Priority),
        new("Status", s => s.Status),
        new("Work orders", s => Whole(s.WorkOrders), true),
        new("Estimated hours", s => Number(s.EstimatedHours, 1), true),
    ];

    public static readonly IReadOnlyList<CsvColumn<Crew>> Crews =
    [
        new("Crew", c => c.CrewId),
        new("Name", c => c.CrewName),
        new("Type", c => c.CrewType),
        new("Service center", c => c.ServiceCenter),
        new("Members", c => Whole(c.Members), true),
        new("Status", c => c.Status),
        new("Outage", c => c.AssignedOutageId ?? ""),
        new("Work order", c => c.AssignedWorkOrderId ?? ""),
        new("Shift ends (UTC)", c => Time(c.ShiftEnd)),
    ];

    /// <summary>The six IEEE 1366 indices of a report, with and without Major Event Days.</summary>
    public static IReadOnlyList<IndexRow> IndexRows(ReliabilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (all, ex) = (report.All, report.ExcludingMajorEvents);
        return
        [
            new("SAIDI", Number(all.Saidi, 2), Number(ex.Saidi, 2), "min / customer"),
            new("SAIFI", Number(all.Saifi, 3), Number(ex.Saifi, 3), "interruptions / customer"),
            new("CAIDI", Number(all.Caidi, 1), Number(ex.Caidi, 1), "min / interruption"),
            new("CAIFI", Number(all.Caifi, 3), Number(ex.Caifi, 3), "interruptions / customer interrupted"),
            new("MAIFI", Number(all.Maifi, 3), Number(ex.Maifi, 3), "momentary interruptions / customer"),
            new("ASAI", Number(all.Asai, 6), Number(ex.Asai, 6), "fraction of customer-hours served"),
        ];
    }

    /// <summary>The indices of two periods side by side (Major Event Days excluded, as IEEE 1366 compares normal days).</summary>
    public static IReadOnlyList<ComparisonRow> ComparisonRows(ReliabilityReport current, ReliabilityReport previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ComparisonRow row(string name, Func<ReliabilityIndices, double?> pick, int digits)
        {
            var (now, before) = (pick(current.ExcludingMajorEvents), pick(previous.ExcludingMajorEvents));
            var change = now is { } a && before is { } b && b != 0 ? Number(100 * (a - b) / b, 1) : "";
            return new ComparisonRow(name, Number(now, digits), Number(before, digits), change);
        }

        return
        [
            row("SAIDI excl. MED", i => i.Saidi, 2),
            row("SAIFI excl. MED", i => i.Saifi, 3),
            row("CAIDI excl. MED", i => i.Caidi, 1),
            row("CAIFI excl. MED", i => i.Caifi, 3),
            row("MAIFI excl. MED", i => i.Maifi, 3),
            new ComparisonRow("SAIDI with MEDs", Number(current.All.Saidi, 2), Number(previous.All.Saidi, 2),
                current.All.Saidi is { } c && previous.All.Saidi is { } p && p != 0 ? Number(100 * (c - p) / p, 1) : ""),
            new ComparisonRow("Major Event Days", Whole(current.MajorEventDays.Count), Whole(previous.MajorEventDays.Count), ""),
        ];
    }

    public static string Number(double? value, int digits) =>
        value is { } v ? v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "";

    public static string Whole(double value) => Math.Round(value).ToString("F0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
