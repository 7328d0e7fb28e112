using System.Globalization;
using Flux.OpsCenter.Data;

namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>The one place the UI words a data failure and staleness, so every panel says it the same way.</summary>
public static class PanelWording
{
    /// <summary>A data failure for the operator: which source, what kind of failure, and the source's own reason.</summary>
    public static string Error(FluxDataException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var what = exception.Kind switch
        {
            DataErrorKind.Unavailable => "is unavailable",
            DataErrorKind.Timeout => "timed out",
            DataErrorKind.Query => "rejected the query",
            DataErrorKind.Mapping => "answered in an unexpected shape",
            _ => "failed",
        };
        return $"{exception.Source} source {what}: {exception.Message}";
    }

    /// <summary>The staleness badge: the last good data is shown, and since when its refresh has failed.</summary>
    public static string StaleSince(DateTimeOffset since) =>
        $"Stale since {since.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC";
}
