namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Names of the rate-limiting policies for expensive endpoints (see <see cref="OpsCenterApiExtensions"/>).</summary>
public static class ApiRateLimits
{
    /// <summary>CSV exports: each streams a whole table; two at a time, two more waiting, the rest 429.</summary>
    public const string Exports = "exports";

    /// <summary>Whole-grid work per request (cascade simulation): two at a time, two more waiting, the rest 429.</summary>
    public const string Simulations = "simulations";

    /// <summary>Permits and queue of each policy: enough for an operator or two, never enough to starve the server.</summary>
    public const int PermitLimit = 2;

    public const int QueueLimit = 2;
}
