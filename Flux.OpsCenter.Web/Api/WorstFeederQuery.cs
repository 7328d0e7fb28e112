using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Flux.OpsCenter.Data.Analysis.Reliability;
using Microsoft.AspNetCore.Mvc;

namespace Flux.OpsCenter.Web.Api;

/// <summary>The CEMI-n and CELID-h thresholds of the worst-feeder table, bound with <c>[AsParameters]</c>.</summary>
public sealed class WorstFeederQuery
{
    /// <summary>Largest CEMI n accepted.</summary>
    public const int MaxInterruptions = 100;

    /// <summary>Largest CELID threshold accepted, in hours (a year).</summary>
    public const double MaxLongHours = 8_760;

    /// <summary>Most feeders one request returns.</summary>
    public const int MaxFeeders = 1_000;

    [FromQuery(Name = "n")]
    [Description("CEMI-n: customers with more than n sustained interruptions; 1 to 100, default 3.")]
    public int? MinInterruptions { get; init; }

    [FromQuery(Name = "hours")]
    [Description("CELID-h: customers with an interruption longer than h hours; 0 to 8760, default 8.")]
    public double? LongHours { get; init; }

    [FromQuery(Name = "excludeMed")]
    [Description("Leave out interruptions on major event days (2.5β); default true.")]
    public bool? ExcludeMajorEvents { get; init; }

    /// <summary>The options, or the field errors when a threshold is out of range.</summary>
    public bool TryResolve(LimitQuery limit, [NotNullWhen(true)] out WorstFeederOptions? options, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(limit);
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var n = MinInterruptions ?? 3;
        var hours = LongHours ?? 8;
        if (n is < 1 or > MaxInterruptions)
        {
            errors["n"] = [string.Create(CultureInfo.InvariantCulture, $"n must be a whole number from 1 to {MaxInterruptions}.")];
        }

        if (!double.IsFinite(hours) || hours < 0 || hours > MaxLongHours)
        {
            errors["hours"] = [string.Create(CultureInfo.InvariantCulture, $"hours must be a number from 0 to {MaxLongHours}.")];
        }

        if (!limit.TryResolve(25, MaxFeeders, out var rows, out _))
        {
            errors["limit"] = [LimitQuery.RangeMessage(MaxFeeders)];
        }

        options = errors.Count == 0 ? new WorstFeederOptions(n, hours, ExcludeMajorEvents ?? true, rows) : null;
        return options is not null;
    }
}
