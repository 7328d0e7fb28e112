namespace Flux.OpsCenter.Web.Api;

/// <summary>The answer to an outage lifecycle step.</summary>
/// <param name="OutageId">The outage.</param>
/// <param name="Stage">Its stage afterwards (PREDICTED, CONFIRMED, DISPATCHED, PARTIALLY_RESTORED, RESTORED, VERIFIED).</param>
/// <param name="Changed">True when this request wrote the step; false when the outage was already there (a repeat changes nothing).</param>
public sealed record OutageStepResponse(string OutageId, string Stage, bool Changed);
