using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// A reporting period [<see cref="From"/>, <see cref="To"/>) in UTC. An interruption belongs to the period in which
/// it starts (IEEE 1366 assigns an event to the day it begins).
/// </summary>
public sealed record ReliabilityPeriod(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The longest period the indices are computed for.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(3_660);

    /// <summary>
    /// The earliest and latest instants accepted from input. Far enough from the calendar's limits that the period
    /// arithmetic (a day after <c>to</c>, the previous period, the major-event baseline years before) cannot overflow.
    /// </summary>
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Length of the period in minutes, the T of ASAI.</summary>
    public double Minutes => (To - From).TotalMinutes;

    /// <summary>The period of the same length that ends where this one starts.</summary>
    public ReliabilityPeriod Previous() => new(From - (To - From), From);

    /// <summary>The 365 days before the data's "now", the same window as the Overview's 12-month KPIs.</summary>
    public static ReliabilityPeriod LastTwelveMonths(DateTimeOffset asOf) => new(asOf.AddDays(-365), asOf);

    /// <summary>
    /// Reads ISO 8601 dates or date-times. A date-only <paramref name="to"/> includes that whole day. Either bound may be
    /// left out: the period then ends at <paramref name="asOf"/> and starts 365 days before its end.
    /// </summary>
    public static bool TryParse(string? from, string? to, DateTimeOffset asOf,
        [NotNullWhen(true)] out ReliabilityPeriod? period, [NotNullWhen(false)] out string? error)
    {
        period = null;
        DateTimeOffset end = asOf;
        DateTimeOffset start;
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!TryReadInstant(to, out var parsed, out var dateOnly))
            {
                error = $"'to' must be an ISO 8601 date or date-time from {Earliest:yyyy-MM-dd} to {Latest.AddDays(-1):yyyy-MM-dd} (e.g. 2026-06-30), not '{Shorten(to)}'.";
                return false;
            }

            end = dateOnly ? parsed.AddDays(1) : parsed;
        }

        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!TryReadInstant(from, out start, out _))
            {
                error = $"'from' must be an ISO 8601 date or date-time from {Earliest:yyyy-MM-dd} to {Latest.AddDays(-1):yyyy-MM-dd} (e.g. 2025-07-01), not '{Shorten(from)}'.";
                return false;
            }
        }
        else
        {
            start = end > Earliest.AddDays(365) ? end.AddDays(-365) : Earliest;
        }

        return TryCreate(start, end, out period, out error);
    }

    /// <summary>Checks that the period is not empty, reversed or longer than <see cref="MaxLength"/>.</summary>
    public static bool TryCreate(DateTimeOffset from, DateTimeOffset to,
        [NotNullWhen(true)] out ReliabilityPeriod? period, [NotNullWhen(false)] out string? error)
    {
        period = null;
        if (from < Earliest || to > Latest)
        {
            error = $"The period must lie between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.";
            return false;
        }

        if (to <= from)
        {
            error = $"The period must end after it starts: 'from' {from:yyyy-MM-dd HH:mm} is not before 'to' {to:yyyy-MM-dd HH:mm}.";
            return false;
        }

        if (to - from > MaxLength)
        {
            error = $"The period is longer than {MaxLength.TotalDays / 366:0} years; choose a shorter range.";
            return false;
        }

        error = null;
        period = new ReliabilityPeriod(from.ToUniversalTime(), to.ToUniversalTime());
        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..40]}…";

    private static bool TryReadInstant(string text, out DateTimeOffset instant, out bool dateOnly)
    {
        return TryParseInstant(text, out instant, out dateOnly) && instant >= Earliest && instant < Latest;
    }

    private static bool TryParseInstant(string text, out DateTimeOffset instant, out bool dateOnly)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            dateOnly = true;
            return true;
        }

        dateOnly = false;
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant)
            && trimmed.Length >= 10 && char.IsAsciiDigit(trimmed[0]);
    }
}
