using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// The <c>limit</c> query parameter every list endpoint shares, bound with <c>[AsParameters]</c>: one rule everywhere, a
/// whole number from 1 to the endpoint's documented maximum, the endpoint's default when left out, 400 otherwise.
/// </summary>
public sealed class LimitQuery
{
    /// <summary>How many rows to return at most.</summary>
    [FromQuery(Name = "limit")]
    [Description("How many rows to return: a whole number from 1 to the endpoint's maximum (see its summary); left out, the endpoint's default.")]
    public int? Limit { get; init; }

    /// <summary>The limit to use, or the 400 problem naming the range when it is outside 1..<paramref name="max"/>.</summary>
    public bool TryResolve(int fallback, int max, out int value, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        value = Limit ?? fallback;
        if (value >= 1 && value <= max)
        {
            problem = null;
            return true;
        }

        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [RangeMessage(max)] }, title: "Invalid limit");
        return false;
    }

    /// <summary>What a 400 says about a limit outside 1..<paramref name="max"/>.</summary>
    public static string RangeMessage(int max) => string.Create(CultureInfo.InvariantCulture, $"limit must be a whole number from 1 to {max}.");
}
