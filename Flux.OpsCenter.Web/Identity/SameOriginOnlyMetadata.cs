namespace Flux.OpsCenter.Web.Identity;

/// <summary>Endpoint metadata: browsers may open this endpoint only from the app's own origin or an allowed one.</summary>
public sealed class SameOriginOnlyMetadata;
