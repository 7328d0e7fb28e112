namespace Flux.OpsCenter.Web.Api;

/// <summary>One step as a client sends it: a device id and <c>open</c> or <c>close</c>.</summary>
public sealed record SwitchingStudyStep(string? Device, string? Action);
