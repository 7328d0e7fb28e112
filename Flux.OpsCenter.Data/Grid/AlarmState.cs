namespace Flux.OpsCenter.Data.Grid;

/// <summary>The alarm states of ISA-18.2 / IEC 62682 the app tracks.</summary>
public enum AlarmState
{
    /// <summary>Active and nobody has acknowledged it.</summary>
    Unacknowledged,

    /// <summary>Active and acknowledged: it stays on the list until it returns to normal.</summary>
    Acknowledged,

    /// <summary>Returned to normal before anybody acknowledged it: it still needs an acknowledgement.</summary>
    ReturnedUnacknowledged,

    /// <summary>Taken off the list by an operator, with a reason, until an expiry.</summary>
    Shelved,

    /// <summary>Hidden by design: an outage downstream of an active feeder lockout.</summary>
    Suppressed,

    /// <summary>Returned to normal and acknowledged: history only.</summary>
    Normal,
}
