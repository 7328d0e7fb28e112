namespace Flux.OpsCenter.Tests.Support;

/// <summary>The checkout the tests were built from: the nearest folder above the test binaries holding Flux.OpsCenter.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Flux.OpsCenter.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Flux.OpsCenter.sln above {AppContext.BaseDirectory}.");
    });

    public static string Path => Root.Value;
}
