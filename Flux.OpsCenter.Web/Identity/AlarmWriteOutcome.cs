namespace Flux.OpsCenter.Web.Identity;

/// <summary>What an alarm write (acknowledge selected, shelve, unshelve) came to.</summary>
public enum AlarmWriteOutcome
{
    /// <summary>Recorded now, under the caller's name, with its audit row.</summary>
    Written,

    /// <summary>Already so (acknowledged, shelved, or not shelved); nothing changed.</summary>
    Unchanged,

    /// <summary>The caller's role may not do this; nothing was written.</summary>
    Forbidden,
}
