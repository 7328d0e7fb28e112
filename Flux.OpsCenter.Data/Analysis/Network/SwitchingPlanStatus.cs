namespace Flux.OpsCenter.Data.Analysis.Network;

/// <summary>The statuses of plans and steps as APPLICATIONS.SWITCHING_PLANS and SWITCHING_PLAN_STEPS spell them.</summary>
public static class SwitchingPlanStatus
{
    public const string Planned = "PLANNED";
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";

    public const string StepPending = "PENDING";
    public const string StepDone = "DONE";
    public const string StepFailed = "FAILED";

    /// <summary>Whether a plan in this status still holds its devices and may run.</summary>
    public static bool IsOpen(string status) => status is Planned or InProgress;
}
