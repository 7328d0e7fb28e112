using System.Security.Claims;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Clock;
using Flux.OpsCenter.Web.Components.Panels;
using Flux.OpsCenter.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Flux.OpsCenter.Web.Components.Pages.Outages;

/// <summary>
/// One outage's lifecycle beside the list: its stage, the steps allowed now (confirm, dispatch a crew, ETR, restore a
/// section, restore, verify), its sections, critical-care customers and the steps taken. Steps go through
/// <see cref="AuthorizedOutageCommands"/>; a viewer sees no step buttons and the server refuses them anyway.
/// </summary>
public sealed partial class OutageWorkflowPanel
{
    private const int CriticalCareLimit = 100;
    private const int NearestCrews = 3;
    private readonly PanelLoad<string, WorkflowDetail> _detail = new();
    private bool _mayOperate;
    private bool _busy;
    private string? _error;
    private DateTime? _etrLocal;
    private int _revision;

    [Inject]
    private OutageWorkflow Workflow { get; set; } = default!;

    [Inject]
    private AuthorizedOutageCommands Commands { get; set; } = default!;

    [Inject]
    private AuthorizedCommands Authority { get; set; } = default!;

    [Inject]
    private UtilityTime Time { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>The outage whose lifecycle to show.</summary>
    [Parameter, EditorRequired]
    public required string OutageId { get; set; }

    /// <summary>Changes whenever the outage's live row changes (another client's step), so the panel reloads.</summary>
    [Parameter]
    public string? Version { get; set; }

    /// <summary>Called when the operator closes the panel.</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>Called after a step was written here.</summary>
    [Parameter]
    public EventCallback OnStepped { get; set; }

    protected override async Task OnInitializedAsync() => _mayOperate = await Authority.MayOperateAsync(await UserAsync());

    protected override Task OnParametersSetAsync()
    {
        var key = $"{OutageId}|{Version}|{_revision}";
        if (key == _detail.Key)
        {
            return Task.CompletedTask;
        }

        if (_detail.Key is { } previous && !previous.StartsWith(OutageId + "|", StringComparison.Ordinal))
        {
            (_error, _etrLocal) = (null, null);
        }

        return Loads.LoadAsync(_detail, key, (_, cancellationToken) => LoadAsync(cancellationToken));
    }

    private async Task<WorkflowDetail> LoadAsync(CancellationToken cancellationToken)
    {
        var outage = await Workflow.GetAsync(OutageId, cancellationToken);
        if (outage is null)
        {
            return new WorkflowDetail(null, [], [], [], [], []);
        }

        var crews = outage.EndTime is null ? await Workflow.GetAvailableCrewsAsync(outage, cancellationToken) : [];
        return new WorkflowDetail(
            outage,
            outage.Stage is { } stage ? Workflow.Lifecycle.Allowed(stage) : [],
            await Workflow.GetSectionsAsync(OutageId, cancellationToken),
            await Workflow.GetCriticalCareAsync(OutageId, CriticalCareLimit, cancellationToken),
            await Workflow.GetEventsAsync(OutageId, cancellationToken),
            crews);
    }

    private static bool Allows(WorkflowDetail detail, OutageAction action) => detail.Allowed.Contains(action);

    // The operator types the crew's ETR in the utility's wall time, as the crew gives it.
    private Task SetEtrAsync(Outage outage) => _etrLocal is { } local
        ? StepAsync(new(OutageAction.SetEtr, outage.OutageId) { Etr = Time.FromLocal(local), EtrSource = EtrSource.Crew })
        : Task.CompletedTask;

    private async Task StepAsync(OutageCommand command)
    {
        _busy = true;
        try
        {
            // Not the page's load token: a step the operator asked for is written even if they navigate away.
            var result = await Commands.ApplyAsync(await UserAsync(), command, CancellationToken.None);
            _error = result switch
            {
                null => "Your role may not take outage steps.",
                { Outcome: OutageTransitionOutcome.Applied or OutageTransitionOutcome.AlreadyDone } => null,
                { Message: var message } => message,
            };
            if (result is { Outcome: OutageTransitionOutcome.Applied })
            {
                _revision++;
                await OnStepped.InvokeAsync();
                await OnParametersSetAsync();
            }
        }
        catch (FluxDataException ex)
        {
            _error = $"Step not saved: {PanelWording.Error(ex)}";
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<ClaimsPrincipal> UserAsync() => Authentication is null ? new ClaimsPrincipal() : (await Authentication).User;

    private static string StepLabel(string action) => action switch
    {
        "SET_ETR" => "ETR set",
        "RESTORE_SECTION" => "section restored",
        "CONFIRM" => "confirmed",
        "DISPATCH" => "crew dispatched",
        "RESTORE" => "restored",
        "VERIFY" => "verified",
        _ => action.ToLowerInvariant(),
    };

    private sealed record WorkflowDetail(
        Outage? Outage,
        IReadOnlyList<OutageAction> Allowed,
        IReadOnlyList<OutageSection> Sections,
        IReadOnlyList<CriticalCareCustomer> CriticalCare,
        IReadOnlyList<OutageEvent> Events,
        IReadOnlyList<CrewDistance> AvailableCrews);
}
