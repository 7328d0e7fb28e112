using System.Collections.Concurrent;
using System.Reflection;

namespace Flux.OpsCenter.Data.Queries;

/// <summary>
/// Reads the SQL text embedded in this assembly: query files under <c>Queries/</c>, schema and view
/// files under <c>Sql/</c>. Text is read once and kept for the life of the process.
/// </summary>
public static class QueryCatalog
{
    private static readonly Assembly DataAssembly = typeof(QueryCatalog).Assembly;
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of <c>Queries/{name}.sql</c>, e.g. <c>GetKpis</c>.</summary>
    public static string Query(string name) => Resource($"Queries/{name}.sql");

    /// <summary>Builds a request for a query file with its positional arguments.</summary>
    public static SqlRequest Request(string name, params object?[] arguments) =>
        new(name, Query(name), arguments, SqlRequest.DefaultTimeout);

    /// <summary>Names of every query file, without folder or extension.</summary>
    public static IReadOnlyList<string> QueryNames() =>
        [.. ResourceNames("Queries/").Select(n => Path.GetFileNameWithoutExtension(n)).Order(StringComparer.Ordinal)];

    /// <summary>Every embedded resource whose name starts with <paramref name="prefix"/>, in name order.</summary>
    public static IReadOnlyList<string> ResourceNames(string prefix) =>
        [.. DataAssembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>The text of one embedded resource.</summary>
    public static string Resource(string resourceName) => Cache.GetOrAdd(resourceName, static name =>
    {
        using var stream = DataAssembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"SQL resource '{name}' is not embedded in {DataAssembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
