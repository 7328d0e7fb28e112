using System.Diagnostics.CodeAnalysis;

namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>
/// A scope for reliability indices, written <c>system</c>, <c>region:NAME</c>, <c>substation:ID</c> or <c>feeder:ID</c>.
/// N_T is the number of active customers inside it.
/// </summary>
public sealed record ReliabilityScope(ReliabilityScopeKind Kind, string? Id)
{
    /// <summary>The whole territory.</summary>
    public static readonly ReliabilityScope System = new(ReliabilityScopeKind.System, null);

    /// <summary>The name the SQL files compare with: SYSTEM, REGION, SUBSTATION or FEEDER.</summary>
    public string SqlKind => Kind.ToString().ToUpperInvariant();

    /// <summary>Parses the text form; an empty text is the system. Gives an error message a user can act on otherwise.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ReliabilityScope? scope, [NotNullWhen(false)] out string? error)
    {
        scope = null;
        error = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || string.Equals(trimmed, "system", StringComparison.OrdinalIgnoreCase))
        {
            scope = System;
            return true;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var kindText = colon < 0 ? trimmed : trimmed[..colon];
        var id = colon < 0 ? "" : trimmed[(colon + 1)..].Trim();
        if (!Enum.TryParse<ReliabilityScopeKind>(kindText, ignoreCase: true, out var kind) || int.TryParse(kindText, out _)
            || kind == ReliabilityScopeKind.System)
        {
            error = $"Unknown scope '{trimmed}'. Use system, region:NAME, substation:ID or feeder:ID.";
            return false;
        }

        if (id.Length is 0 or > 64)
        {
            error = $"The scope '{trimmed}' needs a {kindText.ToLowerInvariant()} id of 1 to 64 characters, e.g. {kindText.ToLowerInvariant()}:{Example(kind)}.";
            return false;
        }

        scope = new ReliabilityScope(kind, id);
        return true;
    }

    public override string ToString() => Kind == ReliabilityScopeKind.System ? "system" : $"{Kind.ToString().ToLowerInvariant()}:{Id}";

    private static string Example(ReliabilityScopeKind kind) => kind switch
    {
        ReliabilityScopeKind.Region => "NORTH",
        ReliabilityScopeKind.Substation => "SUB-001",
        _ => "FDR-001-01",
    };
}
