namespace Flux.OpsCenter.Web.Api;

/// <summary>The answer to a shelve or unshelve request.</summary>
/// <param name="AlarmId">The alarm.</param>
/// <param name="Changed">True when this request shelved (or unshelved) it; false when it already was (or was not) shelved.</param>
public sealed record AlarmShelfResponse(string AlarmId, bool Changed);
