using System.Text.RegularExpressions;
using Flux.OpsCenter.Data.Embedded;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Deploy;

/// <summary>
/// The numbered snow-CLI scripts under spcs/sql as one run: every statement in file order, each with the script it is
/// in and the role in effect when it runs (each script is its own snow session, so a role lasts to its script's end).
/// </summary>
internal static partial class DeploymentScripts
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "spcs", "sql");

    /// <summary>Script file names in the order they run: their names' order.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.GetFiles(Folder, "*.sql").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Every statement of every script in run order, whitespace collapsed to single spaces.</summary>
    public static IReadOnlyList<DeploymentStatement> Statements()
    {
        var statements = new List<DeploymentStatement>();
        foreach (var name in Names())
        {
            string? role = null;
            foreach (var raw in SqlScript.Split(Text(name)))
            {
                var text = Whitespace().Replace(raw, " ").Trim();
                if (UseRole().Match(text) is { Success: true } use)
                {
                    role = use.Groups["role"].Value;
                }

                statements.Add(new DeploymentStatement(statements.Count, name, role, text));
            }
        }

        return statements;
    }

    /// <summary>The <c>&lt;% name %&gt;</c> variables a text uses.</summary>
    public static IReadOnlySet<string> Variables(string text) =>
        Variable().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The <c>-D name=value</c> variables a command line passes.</summary>
    public static IReadOnlySet<string> PassedVariables(string commandLine) =>
        Passed().Matches(commandLine).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The "-- Run with: snow sql -f …" line a script's header documents.</summary>
    public static string RunWith(string name) =>
        RunWithLine().Match(Text(name)) is { Success: true } match ? match.Groups["command"].Value.Trim()
            : throw new InvalidOperationException($"spcs/sql/{name} has no '-- Run with: snow sql -f …' header line.");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^USE ROLE (?<role>.+)$")]
    private static partial Regex UseRole();

    [GeneratedRegex(@"<% (?<name>[a-z_]+) %>")]
    private static partial Regex Variable();

    [GeneratedRegex(@"-D (?<name>[a-z_]+)=")]
    private static partial Regex Passed();

    [GeneratedRegex(@"^-- Run with: (?<command>snow sql -f .+)$", RegexOptions.Multiline)]
    private static partial Regex RunWithLine();
}

/// <summary>One statement of the deployment: its position in the whole run, its script and the role it runs as.</summary>
internal sealed record DeploymentStatement(int Position, string Script, string? Role, string Text)
{
    public bool StartsWith(string prefix) => Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Script}: {Text}";
}
