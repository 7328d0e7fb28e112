namespace Flux.OpsCenter.Web.Identity;

/// <summary>The app's roles (DESIGN.md §13); each includes what the one before it may do.</summary>
public static class OpsCenterRoles
{
    /// <summary>Reads everything, writes nothing.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Acknowledges alarms, and later shelves, dispatches, sets ETRs and switches.</summary>
    public const string Operator = "Operator";

    /// <summary>An operator who also administers alarm rates and reliability figures.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>Everything.</summary>
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Supervisor, Admin];

    /// <summary>The roles that may take operator actions such as acknowledging an alarm.</summary>
    public static IReadOnlyList<string> Operators { get; } = [Operator, Supervisor, Admin];

    /// <summary>The roles that may see supervisor views such as the alarm-rate figures.</summary>
    public static IReadOnlyList<string> Supervisors { get; } = [Supervisor, Admin];

    /// <summary>The configured spelling of a role in its canonical form, or null when it is not one of ours.</summary>
    public static string? Canonical(string? role) => All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
