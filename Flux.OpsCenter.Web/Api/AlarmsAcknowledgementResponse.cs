namespace Flux.OpsCenter.Web.Api;

/// <summary>The answer to "acknowledge selected".</summary>
/// <param name="Requested">Alarms named in the request.</param>
/// <param name="Recorded">How many this request acknowledged; the rest were acknowledged before (the first acknowledgement stands).</param>
public sealed record AlarmsAcknowledgementResponse(int Requested, int Recorded);
