using System.Text.RegularExpressions;
using Flux.OpsCenter.Tests.Support;
using Flux.OpsCenter.Web.Hosting;

namespace Flux.OpsCenter.Tests.Deploy;

/// <summary>
/// The Snowflake deployment as one run of spcs/sql in file order, checked for what a real <c>snow sql -f</c> run would
/// trip over: a role used before it is granted, a privilege CREATE SERVICE checks granted after it, a service role
/// granted by a role that does not own the service, unquoted template values, non-idempotent statements, and a README
/// whose commands drift from the scripts.
/// </summary>
public sealed partial class DeploymentScriptTests
{
    private const string ServiceRole = "<% service_role %>";
    private static readonly IReadOnlyList<DeploymentStatement> Run = DeploymentScripts.Statements();

    [Fact]
    public void Readme_runs_every_script_once_in_file_order()
    {
        var commands = ReadmeSnowCommands();

        Assert.Equal(DeploymentScripts.Names(), commands.Select(c => ScriptOf(c)).ToList());
    }

    [Fact]
    public void Readme_passes_each_script_exactly_the_variables_it_uses_as_its_header_documents()
    {
        Assert.All(ReadmeSnowCommands(), command =>
        {
            var script = ScriptOf(command);
            var used = DeploymentScripts.Variables(DeploymentScripts.Text(script));

            Assert.True(used.SetEquals(DeploymentScripts.PassedVariables(command)),
                $"README passes {string.Join(", ", DeploymentScripts.PassedVariables(command).Order())} to {script}, which uses {string.Join(", ", used.Order())}");
            Assert.True(used.SetEquals(DeploymentScripts.PassedVariables(DeploymentScripts.RunWith(script))),
                $"the 'Run with' header of {script} does not pass exactly {string.Join(", ", used.Order())}");
        });
    }

    [Fact]
    public void Every_variable_is_explained_in_the_deployment_guide()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "deploy-snowflake.md"));
        var variables = DeploymentScripts.Names().SelectMany(n => DeploymentScripts.Variables(DeploymentScripts.Text(n))).Distinct();

        Assert.All(variables, variable => Assert.Contains($"| `{variable}` |", guide, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_create_can_run_again()
    {
        var creates = Run.Where(s => s.StartsWith("CREATE ")).ToList();

        Assert.NotEmpty(creates);
        Assert.All(creates, s => Assert.True(
            s.StartsWith("CREATE OR REPLACE ") || s.Text.Contains(" IF NOT EXISTS ", StringComparison.OrdinalIgnoreCase), s.ToString()));
    }

    [Fact]
    public void Each_role_is_granted_to_the_deploying_user_before_a_script_switches_to_it()
    {
        var switches = Run.Where(s => s.StartsWith("USE ROLE ") && s.Role != "ACCOUNTADMIN").ToList();

        Assert.NotEmpty(switches);
        Assert.All(switches, use => Assert.Contains(Before(use), s => s.Text == $"GRANT ROLE {use.Role} TO USER <% admin_user %>"));
    }

    [Fact]
    public void The_service_role_holds_every_privilege_its_statements_need_before_they_run()
    {
        var asService = Run.Where(s => s.Role == ServiceRole).ToList();
        var needs = asService.SelectMany(s => Needs(s).Select(need => (Statement: s, Need: need))).ToList();

        Assert.Contains(needs, n => n.Need.Privilege == "CREATE SERVICE");
        Assert.All(needs, n => Assert.True(
            Before(n.Statement).Select(Grant.Parse).OfType<Grant>().Any(g => g.Role == ServiceRole && g.Covers(n.Need)),
            $"'{n.Statement}' needs {n.Need} granted to {ServiceRole} by an earlier statement"));
    }

    [Fact]
    public void The_service_role_is_granted_by_the_role_that_created_and_so_owns_the_service()
    {
        var create = Assert.Single(Run, s => s.StartsWith("CREATE SERVICE "));
        var grants = Run.Where(s => s.StartsWith("GRANT SERVICE ROLE ")).ToList();

        Assert.Equal(ServiceRole, create.Role);
        Assert.NotEmpty(grants);
        Assert.All(grants, g =>
        {
            Assert.Equal(create.Role, g.Role);
            Assert.True(g.Position > create.Position, $"{g} runs before the service exists");
        });
    }

    [Fact]
    public void Operators_get_the_endpoint_through_the_viewer_role_and_the_given_user_gets_the_operator_role()
    {
        Assert.Contains(Run, s => s.Text == "GRANT SERVICE ROLE APPLICATIONS.FLUX_OPS_CENTER!ALL_ENDPOINTS_USAGE TO ROLE FLUX_VIEWER");
        Assert.Contains(Run, s => s.Text == "GRANT ROLE FLUX_VIEWER TO ROLE FLUX_OPERATOR");
        Assert.Contains(Run, s => s.Text == "GRANT ROLE FLUX_OPERATOR TO ROLE FLUX_SUPERVISOR");
        Assert.Contains(Run, s => s.Text == "GRANT ROLE FLUX_OPERATOR TO USER <% user %>");
    }

    [Fact]
    public void Template_values_are_json_strings_and_match_the_specification_placeholders()
    {
        var create = Assert.Single(Run, s => s.StartsWith("CREATE SERVICE "));
        var values = UsingValue().Matches(Using().Match(create.Text).Groups["values"].Value);
        var spec = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "spcs", "flux-ops-center.yaml"));
        var placeholders = Placeholder().Matches(spec).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(values);
        // Snowflake: a value with anything but letters and digits (the image path's slashes, FLUX_OPS's underscore)
        // must be a JSON string, written ' "value" '.
        Assert.All(values, v => Assert.Matches(@"^' ""<% [a-z_]+ %>"" '$", v.Groups["value"].Value));
        Assert.Equal(placeholders.Order(), values.Select(v => v.Groups["key"].Value).Order());
        // A JSON string value is substituted with its quotes, which YAML reads as a string; quoting the placeholder as
        // well would render ""value"".
        Assert.DoesNotMatch(@"""\{\{ [a-z_]+ \}\}""", spec);
    }

    [Fact]
    public void The_service_gets_the_basemap_integration_whose_rule_lists_every_tile_host()
    {
        var create = Assert.Single(Run, s => s.StartsWith("CREATE SERVICE "));
        var integration = Assert.Single(Regex.Matches(create.Text, @"EXTERNAL_ACCESS_INTEGRATIONS = \((?<names>[^)]+)\)")).Groups["names"].Value.Trim();
        var created = Assert.Single(Run, s => s.StartsWith($"CREATE OR REPLACE EXTERNAL ACCESS INTEGRATION {integration} "));
        var ruleName = Regex.Match(created.Text, @"ALLOWED_NETWORK_RULES = \((?<rule>[^)]+)\)").Groups["rule"].Value.Trim();
        var rule = Assert.Single(Run, s => s.StartsWith($"CREATE OR REPLACE NETWORK RULE {ruleName} "));
        var hosts = Regex.Matches(Regex.Match(rule.Text, @"VALUE_LIST = \((?<hosts>[^)]+)\)").Groups["hosts"].Value, "'(?<host>[^']+)'")
            .Select(m => m.Groups["host"].Value).ToList();

        Assert.True(created.Position < create.Position && rule.Position < created.Position);
        Assert.Contains("MODE = EGRESS", rule.Text, StringComparison.Ordinal);
        // Leaflet fills {s} with a, b, c or d; the browser fetches from each, and the ingress CSP must allow them all.
        var template = new Uri(MapOptions.DarkCartoTiles.Replace("{s}", "x", StringComparison.Ordinal).Split('{')[0]).Host;
        Assert.Equal(["a", "b", "c", "d"], hosts.Select(h => h.Replace(template[1..], string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_specification_uploaded_is_the_committed_one_and_the_service_runs_it_from_that_stage()
    {
        var put = Assert.Single(Run, s => s.StartsWith("PUT file://spcs/"));
        var create = Assert.Single(Run, s => s.StartsWith("CREATE SERVICE "));

        Assert.StartsWith("PUT file://spcs/flux-ops-center.yaml @APPLICATIONS.FLUX_SPECS ", put.Text, StringComparison.Ordinal);
        Assert.Contains("FROM @APPLICATIONS.FLUX_SPECS SPECIFICATION_TEMPLATE_FILE = 'flux-ops-center.yaml'", create.Text, StringComparison.Ordinal);
        Assert.True(put.Position < create.Position);
    }

    /// <summary>What Snowflake checks for a statement run as the service role (CREATE SERVICE's access control table).</summary>
    private static IEnumerable<Need> Needs(DeploymentStatement statement)
    {
        if (Regex.Match(statement.Text, @"^USE DATABASE (?<db>.+)$") is { Success: true } use)
        {
            yield return new Need("USAGE", "DATABASE", use.Groups["db"].Value);
        }

        if (Regex.Match(statement.Text, @"^USE SCHEMA (?<schema>.+)$") is { Success: true } schema)
        {
            yield return new Need("USAGE", "SCHEMA", $"<% database %>.{schema.Groups["schema"].Value}");
        }

        if (Regex.Match(statement.Text, @"^CREATE STAGE IF NOT EXISTS (?<schema>[A-Z_]+)\.") is { Success: true } stage)
        {
            yield return new Need("CREATE STAGE", "SCHEMA", $"<% database %>.{stage.Groups["schema"].Value}");
        }

        if (!statement.StartsWith("CREATE SERVICE "))
        {
            yield break;
        }

        var service = Regex.Match(statement.Text, @"^CREATE SERVICE IF NOT EXISTS (?<schema>[A-Z_]+)\.");
        yield return new Need("CREATE SERVICE", "SCHEMA", $"<% database %>.{service.Groups["schema"].Value}");
        yield return new Need("USAGE", "COMPUTE POOL", Regex.Match(statement.Text, @" IN COMPUTE POOL (?<pool><% [a-z_]+ %>|\S+)").Groups["pool"].Value);
        yield return new Need("USAGE", "WAREHOUSE", Regex.Match(statement.Text, @" QUERY_WAREHOUSE = (?<wh><% [a-z_]+ %>|\S+)").Groups["wh"].Value);
        yield return new Need("READ", "IMAGE REPOSITORY", "<% database %>.APPLICATIONS.FLUX_IMAGES");
        // The specification's endpoint is public.
        yield return new Need("BIND SERVICE ENDPOINT", "ACCOUNT", string.Empty);
        foreach (var eai in Regex.Match(statement.Text, @"EXTERNAL_ACCESS_INTEGRATIONS = \((?<names>[^)]+)\)").Groups["names"].Value.Split(','))
        {
            yield return new Need("USAGE", "INTEGRATION", eai.Trim());
        }
    }

    private static IEnumerable<DeploymentStatement> Before(DeploymentStatement statement) => Run.Take(statement.Position);

    private static IReadOnlyList<string> ReadmeSnowCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var section = readme[readme.IndexOf("## Deploy to Snowflake", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return [.. section.Split('\n').Where(l => l.StartsWith("snow sql -f ", StringComparison.Ordinal))];
    }

    private static string ScriptOf(string command) =>
        Regex.Match(command, @"^snow sql -f spcs/sql/(?<file>\S+\.sql)( |$)") is { Success: true } match ? match.Groups["file"].Value
            : throw new InvalidOperationException($"'{command}' does not run a script under spcs/sql");

    [GeneratedRegex(@"USING \((?<values>.*?)\) (EXTERNAL_ACCESS_INTEGRATIONS|MIN_INSTANCES|QUERY_WAREHOUSE|AUTO_)")]
    private static partial Regex Using();

    [GeneratedRegex(@"(?<key>[a-z_]+) => (?<value>'[^']*')")]
    private static partial Regex UsingValue();

    [GeneratedRegex(@"\{\{ (?<name>[a-z_]+) \}\}")]
    private static partial Regex Placeholder();

    /// <summary>A privilege on an object that a statement needs.</summary>
    private sealed record Need(string Privilege, string Kind, string Name)
    {
        public override string ToString() => $"{Privilege} ON {Kind} {Name}".TrimEnd();
    }

    /// <summary>A <c>GRANT privileges ON kind name TO ROLE role</c> statement.</summary>
    private sealed partial record Grant(IReadOnlySet<string> Privileges, string Kind, string Name, string Role)
    {
        public static Grant? Parse(DeploymentStatement statement) =>
            Statement().Match(statement.Text) is { Success: true } m
                ? new Grant(m.Groups["privileges"].Value.Split(',').Select(p => p.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase),
                    m.Groups["kind"].Value, m.Groups["name"].Value, m.Groups["role"].Value)
                : null;

        public bool Covers(Need need) =>
            Privileges.Contains(need.Privilege) && Kind == need.Kind && Name == need.Name;

        [GeneratedRegex(@"^GRANT (?<privileges>.+?) ON (?<kind>DATABASE|SCHEMA|IMAGE REPOSITORY|COMPUTE POOL|WAREHOUSE|INTEGRATION|ACCOUNT)(?: (?<name>.+?))? TO ROLE (?<role>.+)$")]
        private static partial Regex Statement();
    }
}
