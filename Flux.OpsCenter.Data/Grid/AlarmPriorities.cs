namespace Flux.OpsCenter.Data.Grid;

/// <summary>The priority names ALARM_HISTORY gives (the rule itself lives there, in one place), highest first.</summary>
public static class AlarmPriorities
{
    public const string High = "HIGH";
    public const string Medium = "MEDIUM";
    public const string Low = "LOW";

    public static IReadOnlyList<string> All { get; } = [High, Medium, Low];

    /// <summary>1 for high, 2 for medium, 3 for low (the view's PRIORITY_RANK), for ordering.</summary>
    public static int Rank(string priority) => priority switch
    {
        High => 1,
        Medium => 2,
        _ => 3,
    };
}
