namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>One step of a switching plan: open or close one device.</summary>
public sealed record SwitchingStep(string DeviceId, SwitchingAction Action);
