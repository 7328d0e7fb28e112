namespace Flux.OpsCenter.Data;

/// <summary>
/// One query to run: its name (the .sql file it came from), text with positional <c>?</c> placeholders,
/// the arguments bound to those placeholders in order, and a timeout.
/// </summary>
public sealed record SqlRequest(string Name, string Text, IReadOnlyList<object?> Arguments, TimeSpan Timeout)
{
    /// <summary>The timeout used when a query does not say otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
}
