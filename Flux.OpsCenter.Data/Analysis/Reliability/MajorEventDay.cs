namespace Flux.OpsCenter.Data.Analysis.Reliability;

/// <summary>A day (UTC) whose system SAIDI exceeded T_MED: its events are reported separately.</summary>
public sealed record MajorEventDay(DateTimeOffset Day, double CustomerMinutes, double Saidi);
