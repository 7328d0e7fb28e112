namespace Flux.OpsCenter.Data.Queries;

/// <summary>The utility's outage-handling policy, bound from <c>OpsCenter:Outages</c>.</summary>
public sealed class OutageWorkflowOptions
{
    public const string SectionName = "OpsCenter:Outages";

    /// <summary>Whether an outage must have had a crew dispatched before it can be marked restored.</summary>
    public bool RequireDispatchBeforeRestore { get; set; } = true;
}
