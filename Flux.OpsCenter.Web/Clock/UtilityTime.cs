using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Flux.OpsCenter.Web.Clock;

/// <summary>
/// Shows instants in the utility's time zone with its abbreviation (CST/CDT from the IANA database, so daylight saving
/// is right on both sides of the change), and in UTC for the hover text. One place formats every time on screen.
/// </summary>
public sealed class UtilityTime
{
    private readonly DateTimeZone _zone;

    public UtilityTime(IOptions<ClockOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _zone = Find(options.Value.TimeZone)
            ?? throw new OptionsValidationException(ClockOptions.SectionName, typeof(ClockOptions),
                [$"OpsCenter:Clock:TimeZone '{options.Value.TimeZone}' is not an IANA time zone id (for example America/Chicago)."]);
        ZoneId = _zone.Id;
    }

    /// <summary>The IANA id of the utility's zone.</summary>
    public string ZoneId { get; }

    /// <summary>The zone for an IANA id, or null when the time zone database has no such zone.</summary>
    public static DateTimeZone? Find(string? zoneId) =>
        string.IsNullOrWhiteSpace(zoneId) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId.Trim());

    /// <summary>The local wall time of <paramref name="instant"/> in the utility's zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant)
    {
        var zoned = Instant.FromDateTimeOffset(instant).InZone(_zone);
        return zoned.ToDateTimeOffset();
    }

    /// <summary>
    /// The instant of a wall time in the utility's zone, as an operator types it; a time skipped or repeated by a daylight
    /// saving change resolves to the later offset of the change.
    /// </summary>
    public DateTimeOffset FromLocal(DateTime localWallTime) =>
        LocalDateTime.FromDateTime(DateTime.SpecifyKind(localWallTime, DateTimeKind.Unspecified)).InZoneLeniently(_zone).ToDateTimeOffset();

    /// <summary>The zone's abbreviation in force at <paramref name="instant"/> (CST or CDT for Houston).</summary>
    public string Abbreviation(DateTimeOffset instant)
    {
        var name = _zone.GetZoneInterval(Instant.FromDateTimeOffset(instant)).Name;

        // Zones without a letter abbreviation in the database name their offset (e.g. "+03"): show it as UTC+03.
        return name.Length > 0 && (name[0] == '+' || name[0] == '-') ? $"UTC{name}" : name;
    }

    /// <summary>The local time as text in a .NET pattern, followed by the zone abbreviation: "14:32 CST".</summary>
    public string Format(DateTimeOffset instant, string pattern = "HH:mm") =>
        $"{ToLocal(instant).ToString(pattern, CultureInfo.InvariantCulture)} {Abbreviation(instant)}";

    /// <summary>The instant in UTC for hover text and machine-readable attributes: "2026-11-20 20:32:05 UTC".</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Whether the zone id is known, for validation without constructing the service.</summary>
    public static bool IsKnown(string? zoneId) => Find(zoneId) is not null;
}
