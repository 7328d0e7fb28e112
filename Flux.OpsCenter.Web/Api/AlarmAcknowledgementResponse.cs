namespace Flux.OpsCenter.Web.Api;

/// <summary>The answer to an acknowledgement.</summary>
/// <param name="AlarmId">The alarm.</param>
/// <param name="Recorded">True when this request acknowledged it; false when it already was (the first acknowledgement stands).</param>
/// <param name="AcknowledgedBy">The user the acknowledgement was recorded under by this request, or null when it was not recorded now.</param>
public sealed record AlarmAcknowledgementResponse(string AlarmId, bool Recorded, string? AcknowledgedBy);
