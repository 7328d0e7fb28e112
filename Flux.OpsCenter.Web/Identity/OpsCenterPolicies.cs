namespace Flux.OpsCenter.Web.Identity;

/// <summary>Authorization policy names; every write names the policy it needs, checked on the server.</summary>
public static class OpsCenterPolicies
{
    /// <summary>Operator actions (acknowledge and shelve alarms; dispatch, ETR and switching as they arrive).</summary>
    public const string Operate = "Operate";

    /// <summary>Supervisor views: alarm-rate figures (EEMUA 191) and, later, reliability administration.</summary>
    public const string Supervise = "Supervise";
}
