using Flux.OpsCenter.Data.Grid;

namespace Flux.OpsCenter.Web.Api;

/// <summary>One outage's lifecycle: its row, stage, the steps allowed now, its sections, critical-care customers and history.</summary>
public sealed record OutageWorkflowResponse(
    Outage Outage,
    string Stage,
    IReadOnlyList<string> AllowedSteps,
    IReadOnlyList<OutageSection> Sections,
    IReadOnlyList<CriticalCareCustomer> CriticalCare,
    IReadOnlyList<OutageEvent> Events);
