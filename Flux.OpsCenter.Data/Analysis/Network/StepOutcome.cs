namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>How a step fares against the topology it would meet.</summary>
public enum StepOutcome
{
    /// <summary>Can run; nobody loses supply and no feeder goes past its rating.</summary>
    Ok,

    /// <summary>Can run, but de-energises customers or loads the picking-up feeder past its rating.</summary>
    Warning,

    /// <summary>Must not run: unknown device, already in that state, or it would close a loop between sources.</summary>
    Refused,

    /// <summary>Not checked, because an earlier step was refused.</summary>
    NotEvaluated,
}
