using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so the Dockerfile is proved piece by piece: its publish command is run verbatim
/// (only the output folder changes) on a clean copy of the checkout, and its runtime settings are checked.
/// </summary>
public sealed class DockerfilePublishTests
{
    private static string Dockerfile => DockerfilePublish.Dockerfile;

    [Fact]
    [Trait("Category", "Publish")]
    public async Task The_dockerfile_publish_command_succeeds_on_a_clean_copy_of_the_checkout()
    {
        var published = await DockerfilePublish.GetAsync();
        var output = published.OutputFolder;

        Assert.True(published.ExitCode == 0, $"dotnet {string.Join(' ', published.Arguments)} failed:\n{published.Tail}");
        Assert.True(File.Exists(Path.Combine(output, "Flux.OpsCenter.Web.dll")));
        Assert.False(File.Exists(Path.Combine(output, "Flux.OpsCenter.Web")), "UseAppHost=false: the image starts the dll with dotnet");
        Assert.True(File.Exists(Path.Combine(output, "libduckdb.so")), "the linux-x64 DuckDB native library must be published");
        Assert.True(Directory.Exists(Path.Combine(output, "wwwroot")));
        Assert.True(File.Exists(Path.Combine(output, "Basemap", "counties-10m.json")), "the built-in basemap's topology must be published");
    }

    [Fact]
    public void The_image_runs_as_a_non_root_user_on_port_8080_with_a_healthcheck()
    {
        var dockerfile = Dockerfile;

        Assert.Matches(@"(?m)^FROM --platform=linux/amd64 mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", dockerfile);
        Assert.Matches(@"apt-get install[^\n]*\bnodejs npm\b", dockerfile);
        Assert.Matches(@"(?m)^FROM --platform=linux/amd64 debian:12-slim$", dockerfile);
        Assert.Matches(@"(?m)^USER app$", dockerfile);
        Assert.Matches(@"(?m)^ENV ASPNETCORE_HTTP_PORTS=8080$", dockerfile);
        Assert.Matches(@"(?m)^EXPOSE 8080$", dockerfile);
        Assert.Matches(@"(?m)^HEALTHCHECK .*http://localhost:8080/healthz", dockerfile);
    }
}
