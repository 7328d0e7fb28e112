using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Flux.OpsCenter.Web.Api;

/// <summary>The period and scope every reliability endpoint and export reads, bound with <c>[AsParameters]</c>.</summary>
public sealed class ReliabilityQuery
{
    [FromQuery(Name = "from")]
    [Description("Start, an ISO 8601 date or date-time from 1900-01-01 to 2099-12-31; default 365 days before 'to'.")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("End, an ISO 8601 date (that whole day included) or date-time from 1900-01-01 to 2099-12-31; default the data's now.")]
    public string? To { get; init; }

    [FromQuery(Name = "scope")]
    [Description("system (default), region:NAME, substation:ID or feeder:ID.")]
    public string? Scope { get; init; }
}
