using System.Globalization;

namespace Flux.OpsCenter.Data.Snowflake;

/// <summary>
/// Turns a request's positional arguments into SQL API bindings <c>"1".."n"</c>, each a Snowflake type and a string value:
/// the statement text is never built from values.
/// </summary>
public static class SnowflakeBindings
{
    private const long NanosecondsPerTick = 100;

    /// <summary>The bindings for <paramref name="arguments"/>, or null when there are none (the API rejects an empty object).</summary>
    internal static Dictionary<string, SqlApiBinding>? From(IReadOnlyList<object?> arguments)
    {
        if (arguments.Count == 0)
        {
            return null;
        }

        var bindings = new Dictionary<string, SqlApiBinding>(arguments.Count, StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            var (type, value) = Encode(arguments[i]);
            bindings[(i + 1).ToString(CultureInfo.InvariantCulture)] = new SqlApiBinding(type, value);
        }

        return bindings;
    }

    /// <summary>The Snowflake binding type and wire value of one argument.</summary>
    public static (string Type, string? Value) Encode(object? argument) => argument switch
    {
        null => ("TEXT", null),
        string s => ("TEXT", s),
        bool b => ("BOOLEAN", b ? "true" : "false"),
        byte or sbyte or short or ushort or int or uint or long => ("FIXED", Convert.ToString(argument, CultureInfo.InvariantCulture)),
        ulong u => ("FIXED", u.ToString(CultureInfo.InvariantCulture)),
        decimal m => ("FIXED", m.ToString(CultureInfo.InvariantCulture)),
        double d => ("REAL", d.ToString("R", CultureInfo.InvariantCulture)),
        float f => ("REAL", f.ToString("R", CultureInfo.InvariantCulture)),
        DateTimeOffset dto => ("TIMESTAMP_NTZ", EpochNanoseconds(dto.UtcDateTime)),
        DateTime dt => ("TIMESTAMP_NTZ", EpochNanoseconds(dt.Kind == DateTimeKind.Local ? dt.ToUniversalTime() : dt)),
        DateOnly date => ("DATE", ((long)(date.ToDateTime(TimeOnly.MinValue) - DateTime.UnixEpoch).TotalMilliseconds).ToString(CultureInfo.InvariantCulture)),
        TimeOnly time => ("TIME", (time.Ticks * NanosecondsPerTick).ToString(CultureInfo.InvariantCulture)),
        Guid g => ("TEXT", g.ToString()),
        Enum e => ("TEXT", e.ToString()),
        _ => throw new ArgumentException($"Arguments of type {argument.GetType().Name} cannot be bound to a Snowflake statement.", nameof(argument)),
    };

    // Timestamps travel as nanoseconds since the Unix epoch, UTC wall clock for TIMESTAMP_NTZ.
    private static string EpochNanoseconds(DateTime utc) =>
        ((utc.Ticks - DateTime.UnixEpoch.Ticks) * NanosecondsPerTick).ToString(CultureInfo.InvariantCulture);
}
