using System.Diagnostics.CodeAnalysis;

namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// A period and scope read from user input (query string or page fields), or the messages that say what is wrong
/// with each field (<c>from</c>, <c>to</c>, <c>scope</c>).
/// </summary>
public sealed record ReliabilityRequest(ReliabilityPeriod? Period, ReliabilityScope? Scope, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>True when both the period and the scope are usable.</summary>
    [MemberNotNullWhen(true, nameof(Period), nameof(Scope))]
    public bool IsValid => Errors.Count == 0 && Period is not null && Scope is not null;

    /// <summary>
    /// Reads the texts, defaulting to the last twelve months before the data's "now" and the system, and checks that a
    /// named region, substation or feeder exists.
    /// </summary>
    public static async Task<ReliabilityRequest> ResolveAsync(ReliabilityService service, string? from, string? to, string? scope,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var clock = await service.GetClockAsync(cancellationToken);
        if (!ReliabilityPeriod.TryParse(from, to, clock.AsOf, out var period, out var periodError))
        {
            errors[periodError.StartsWith("'to'", StringComparison.Ordinal) ? "to" : "from"] = periodError;
        }

        if (!ReliabilityScope.TryParse(scope, out var parsedScope, out var scopeError))
        {
            errors["scope"] = scopeError;
        }
        else if (!await service.ScopeExistsAsync(parsedScope, cancellationToken))
        {
            errors["scope"] = $"No {parsedScope.Kind.ToString().ToLowerInvariant()} '{parsedScope.Id}' in this territory.";
            parsedScope = null;
        }

        return new ReliabilityRequest(errors.Count == 0 ? period : null, errors.Count == 0 ? parsedScope : null, errors);
    }
}
