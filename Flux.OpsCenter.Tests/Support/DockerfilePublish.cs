using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// The Dockerfile's <c>dotnet publish</c> line run verbatim (only the output folder changes) on a clean copy of the
/// checkout, once per test run: the publish test checks it, the SPCS rehearsal runs what it produced.
/// </summary>
internal static partial class DockerfilePublish
{
    // Generous: on a machine loaded by other builds a clean restore and publish has taken more than six minutes.
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(20);
    private static readonly Lazy<Task<Outcome>> Published = new(PublishAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public sealed record Outcome(IReadOnlyList<string> Arguments, int ExitCode, string Log, string OutputFolder)
    {
        public string Tail => string.Join('\n', Log.Split('\n').TakeLast(40));
    }

    public static string Dockerfile => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dockerfile"));

    /// <summary>The one publish of this test run; later callers get the same outcome.</summary>
    public static Task<Outcome> GetAsync() => Published.Value;

    public static List<string> PublishArguments(string dockerfile)
    {
        var match = PublishLine().Match(dockerfile);
        return match.Success
            ? [.. match.Groups["arguments"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)]
            : throw new InvalidOperationException("the Dockerfile must have one `RUN dotnet publish ...` line");
    }

    private static async Task<Outcome> PublishAsync()
    {
        var arguments = PublishArguments(Dockerfile);
        var source = CleanCopy();
        var output = Directory.CreateTempSubdirectory("flux-publish-out-").FullName;
        var outputIndex = arguments.IndexOf("-o") + 1;
        if (outputIndex == 0)
        {
            throw new InvalidOperationException("the Dockerfile's publish command must name its output folder with -o");
        }

        arguments[outputIndex] = output;
        var (exitCode, log) = await RunAsync(source, arguments);
        return new Outcome(arguments, exitCode, log, output);
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
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException("git ls-files failed");
        }

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
        // Not the calling test's token: the outcome is shared by every test of the run.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(PublishLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"dotnet publish did not finish within {PublishLimit.TotalMinutes:0} min\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"(?m)^RUN dotnet (?<arguments>publish [^\n]+)$")]
    private static partial Regex PublishLine();
}
