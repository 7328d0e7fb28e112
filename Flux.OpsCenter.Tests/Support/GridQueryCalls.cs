using System.Collections;
using System.Reflection;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Tests.Support;

/// <summary>
/// Calls every public query method of <see cref="GridQueries"/> with plausible arguments, found by reflection so that
/// a query added later is covered without editing the tests that use it.
/// </summary>
internal static class GridQueryCalls
{
    public static IReadOnlyList<MethodInfo> Methods() =>
        [.. typeof(GridQueries).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal))
            .OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>Runs <paramref name="method"/> and returns its records as a list (a single record becomes a one-item list).</summary>
    public static async Task<IReadOnlyList<object?>> InvokeAsync(GridQueries queries, MethodInfo method, string circuitId, string substationId, CancellationToken cancellationToken)
    {
        var arguments = method.GetParameters().Select(p => Argument(method, p, circuitId, substationId, cancellationToken)).ToArray();
        var task = (Task)method.Invoke(queries, arguments)!;
        await task;
        var result = task.GetType().GetProperty("Result")!.GetValue(task);
        // A page compares by its rows and total, not by the identity of its row list.
        if (result?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ListPage<>))
        {
            var rows = (IEnumerable)type.GetProperty(nameof(ListPage<object>.Rows))!.GetValue(result)!;
            return [.. rows.Cast<object?>(), type.GetProperty(nameof(ListPage<object>.TotalRows))!.GetValue(result)];
        }

        return result is IEnumerable many and not string ? [.. many.Cast<object?>()] : [result];
    }

    private static object Argument(MethodInfo method, ParameterInfo parameter, string circuitId, string substationId, CancellationToken cancellationToken) =>
        parameter.ParameterType switch
        {
            var t when t == typeof(CancellationToken) => cancellationToken,
            var t when t == typeof(string) && parameter.Name!.Contains("substation", StringComparison.OrdinalIgnoreCase) => substationId,
            // Every generated territory has its first customer account.
            var t when t == typeof(string) && parameter.Name == "customerId" => "CUST-0000001",
            var t when t == typeof(string) => circuitId,
            var t when t == typeof(int) && parameter.Name == "offset" => 0,
            var t when t == typeof(int) => 50,
            var t when t == typeof(GeoBox) => new GeoBox(-96.5, 29.0, -94.5, 30.7),
            var t when t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ListPageRequest<>) =>
                Activator.CreateInstance(t, null, null, Activator.CreateInstance(t.GetGenericArguments()[0]), false, 0, 50)!,
            var t when t == typeof(DateTimeOffset) && parameter.Name == "from" => TestTerritory.AsOf.AddDays(-400),
            var t when t == typeof(DateTimeOffset) => TestTerritory.AsOf.AddDays(1),
            _ => throw new InvalidOperationException(
                $"GridQueries.{method.Name} takes a {parameter.ParameterType.Name} '{parameter.Name}'; teach {nameof(GridQueryCalls)} a value for it."),
        };
}
