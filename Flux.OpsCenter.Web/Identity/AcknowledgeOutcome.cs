namespace Flux.OpsCenter.Web.Identity;

/// <summary>What an acknowledgement request came to.</summary>
public enum AcknowledgeOutcome
{
    /// <summary>Recorded now, under the caller's name.</summary>
    Acknowledged,

    /// <summary>Someone acknowledged it first; the first acknowledgement stands and nothing changed.</summary>
    AlreadyAcknowledged,

    /// <summary>The caller's role may not acknowledge; nothing was written.</summary>
    Forbidden,
}
