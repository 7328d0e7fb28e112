namespace Flux.OpsCenter.Data.Grid;

/// <summary>What a lifecycle request came to.</summary>
public enum OutageTransitionOutcome
{
    /// <summary>Written now, with its event and audit rows.</summary>
    Applied,

    /// <summary>The outage was already there (a repeat): nothing was written.</summary>
    AlreadyDone,

    /// <summary>No sustained outage has that id, or the section or crew named is not one of the outage's.</summary>
    NotFound,

    /// <summary>The request itself is wrong (an ETR before the outage began, a missing crew): nothing was written.</summary>
    Invalid,

    /// <summary>The lifecycle or a crew's state refuses it now (verify before restore, a busy crew): nothing was written.</summary>
    Refused,
}
