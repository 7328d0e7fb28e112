using System.Text.RegularExpressions;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Deploy;

/// <summary>The SPCS service specification and the numbered snow-CLI scripts.</summary>
public sealed class SpcsSpecificationTests
{
    private static string Spcs(string file) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "spcs", file));

    [Fact]
    public void Specification_serves_port_8080_publicly_probes_readyz_and_selects_snowflake_in_spcs_mode()
    {
        var spec = Spcs("flux-ops-center.yaml");

        Assert.Contains("image: {{ image }}", spec, StringComparison.Ordinal);
        Assert.Matches(@"readinessProbe:\s+port: 8080\s+path: /readyz", spec);
        Assert.Matches(@"- name: ui\s+port: 8080\s+public: true", spec);
        Assert.Contains("OpsCenter__Provider: Snowflake", spec, StringComparison.Ordinal);
        Assert.Contains("OpsCenter__Snowflake__Auth: Spcs", spec, StringComparison.Ordinal);
        Assert.Matches(@"resources:\s+requests:", spec);
    }

    [Fact]
    public void Specification_holds_no_secrets()
    {
        var spec = Spcs("flux-ops-center.yaml");

        Assert.DoesNotMatch(@"(?i)__(Token|PrivateKeyPath|Password)\s*:", spec);
    }

    [Theory]
    [InlineData("01_image_repository.sql", "CREATE IMAGE REPOSITORY")]
    [InlineData("02_compute_pool.sql", "CREATE COMPUTE POOL")]
    [InlineData("03_roles.sql", "GRANT ROLE")]
    [InlineData("04_basemap_access.sql", "CREATE OR REPLACE EXTERNAL ACCESS INTEGRATION")]
    [InlineData("08_service.sql", "CREATE SERVICE")]
    public void Numbered_scripts_use_snow_cli_variables_not_hard_coded_names(string file, string statement)
    {
        var script = Spcs(Path.Combine("sql", file));

        Assert.Contains(statement, script, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"<% [a-z_]+ %>"), script);
        Assert.DoesNotContain("FLUX_OPS.", script, StringComparison.Ordinal);
    }
}
