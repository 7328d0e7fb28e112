namespace Flux.OpsCenter.Data.Grid;

/// <summary>An alarm source that raised three or more activations within one minute in a window (ISA-TR18.2.5 chattering).</summary>
public sealed record ChatteringAlarm(string SubjectId, string AlarmType, string CircuitId, string OperatorPosition, long Alarms, long PeakPerMinute)
{
    /// <summary>Activations within one minute from which a source counts as chattering.</summary>
    public const int Threshold = 3;
}
