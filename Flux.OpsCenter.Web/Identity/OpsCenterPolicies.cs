namespace Flux.OpsCenter.Web.Identity;

/// <summary>Authorization policy names; every write names the policy it needs, checked on the server.</summary>
public static class OpsCenterPolicies
{
    /// <summary>Operator actions (acknowledge now; shelve, dispatch, ETR and switching as they arrive).</summary>
    public const string Operate = "Operate";
}
