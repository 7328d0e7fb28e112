namespace Flux.OpsCenter.Web.Components.Panels;

/// <summary>What the shelve dialog answers: the operator's reason and how long the alarm stays shelved.</summary>
public sealed record ShelfRequest(string Reason, TimeSpan Duration);
