using System.Diagnostics;
using System.Text.RegularExpressions;
using Flux.OpsCenter.Tests.Support;

namespace Flux.OpsCenter.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so the Dockerfile is proved piece by piece: its publish command is run verbatim
/// (only the output folder changes) on a clean copy of the checkout, and its runtime settings are checked.
/// </summary>
public sealed partial class DockerfilePublishTests
{
    // Generous: on a machine loaded by other builds a clean restore and publish has taken more than six minutes.
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(20);

    private static string Dockerfile => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dockerfile"));

    [Fact]
    [Trait("Category", "Publish")]
    public async Task The_dockerfile_publish_command_succeeds_on_a_clean_copy_of_the_checkout()
    {
        var arguments = PublishArguments(Dockerfile);
        var source = CleanCopy();
        var output = Directory.CreateTempSubdirectory("flux-publish-out-").FullName;
        var outputIndex = arguments.IndexOf("-o") + 1;
        Assert.True(outputIndex > 0, "the Dockerfile's publish command must name its output folder with -o");
        arguments[outputIndex] = output;

        var (exitCode, log) = await RunAsync(source, arguments);

        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{Tail(log)}");
        Assert.True(File.Exists(Path.Combine(output, "Flux.OpsCenter.Web.dll")));
        Assert.False(File.Exists(Path.Combine(output, "Flux.OpsCenter.Web")), "UseAppHost=false: the image starts the dll with dotnet");
        Assert.True(File.Exists(Path.Combine(output, "libduckdb.so")), "the linux-x64 DuckDB native library must be published");
        Assert.True(Directory.Exists(Path.Combine(output, "wwwroot")));
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

    private static List<string> PublishArguments(string dockerfile)
    {
        var match = PublishLine().Match(dockerfile);
        Assert.True(match.Success, "the Dockerfile must have one `RUN dotnet publish ...` line");
        return [.. match.Groups["arguments"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    // What `git clone` would give: tracked and new, not ignored, files; no bin/, obj/, node_modules or databases.
    private static string CleanCopy()
    {
        var target = Directory.CreateTempSubdirectory("flux-clean-clone-").FullName;
        var start = new ProcessStartInfo("git", "ls-files -z --cached --others --exclude-standard")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(start)!;
        var files = git.StandardOutput.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        foreach (var file in files)
        {
            var from = Path.Combine(RepositoryRoot.Path, file);
            if (!File.Exists(from))
            {
                continue;
            }

            var to = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
        }

        return target;
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Leave no MSBuild server or worker nodes behind on a shared machine.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(PublishLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(40));

    [GeneratedRegex(@"(?m)^RUN dotnet (?<arguments>publish [^\n]+)$")]
    private static partial Regex PublishLine();
}
