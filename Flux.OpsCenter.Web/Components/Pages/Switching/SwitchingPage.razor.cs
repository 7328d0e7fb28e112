using System.Security.Claims;
using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Analysis.Network;
using Flux.OpsCenter.Web.Components.Panels;
using Flux.OpsCenter.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Flux.OpsCenter.Web.Components.Pages.Switching;

/// <summary>
/// Switching plans: compose ordered open/close steps, check them against the live topology (study mode), save, and run
/// a saved plan step by step. Every plan list open anywhere reloads when a plan is saved, runs or is cancelled.
/// </summary>
public sealed partial class SwitchingPage
{
    private const string AllPlans = "plans";
    private readonly PanelLoad<string, IReadOnlyList<SwitchingPlanSummary>> _plans = new();
    private readonly PanelLoad<string, SwitchingPlan?> _selected = new();
    private readonly List<DraftStep> _draft = [new(), new()];
    private string? _name;
    private string? _outageId;
    private IReadOnlyList<StepValidation>? _study;
    private string? _composeMessage;
    private Severity _composeSeverity = Severity.Info;
    private string? _selectedId;
    private string? _runMessage;
    private Severity _runSeverity = Severity.Info;
    private bool _mayOperate;
    private bool _busy;

    [Inject]
    private SwitchingPlanService Plans { get; set; } = default!;

    [Inject]
    private AuthorizedSwitching Switching { get; set; } = default!;

    [Inject]
    private NetworkService Network { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>A device to start the first step with, from the map's device card.</summary>
    [SupplyParameterFromQuery(Name = "device")]
    public string? Device { get; set; }

    /// <summary>An active outage to start from: its FLISR proposal fills the composer.</summary>
    [SupplyParameterFromQuery(Name = "outage")]
    public string? Outage { get; set; }

    /// <summary>A saved plan to show first, from a link.</summary>
    [SupplyParameterFromQuery(Name = "plan")]
    public string? Plan { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Plans.Changed += OnPlansChanged;
        _mayOperate = await Switching.MayOperateAsync(await UserAsync());
        if (!string.IsNullOrWhiteSpace(Device))
        {
            _draft[0].DeviceId = Device.Trim();
        }

        _outageId = Outage;
        if (!string.IsNullOrWhiteSpace(Outage))
        {
            await ProposeFlisrAsync();
        }

        await Loads.LoadAsync(_plans, AllPlans, (_, ct) => Plans.ListAsync(ct));
        if (!string.IsNullOrWhiteSpace(Plan))
        {
            await SelectAsync(Plan.Trim());
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Plans.Changed -= OnPlansChanged;
        }

        base.Dispose(disposing);
    }

    // Raised on the writer's thread: hop onto this circuit and reload what it shows.
    private void OnPlansChanged(object? sender, EventArgs e) => _ = InvokeAsync(ReloadAsync);

    private async Task ReloadAsync()
    {
        await Loads.LoadAsync(_plans, AllPlans, (_, ct) => Plans.ListAsync(ct));
        if (_selectedId is { } id)
        {
            await Loads.LoadAsync(_selected, id, (planId, ct) => Plans.GetAsync(planId, ct));
        }
    }

    private async Task<ClaimsPrincipal> UserAsync() => Authentication is null ? new ClaimsPrincipal() : (await Authentication).User;

    private async Task ProposeFlisrAsync()
    {
        if (string.IsNullOrWhiteSpace(_outageId))
        {
            return;
        }

        try
        {
            var (proposal, problem) = await Plans.ProposeFlisrAsync(_outageId, null, Loads.Token);
            if (proposal is null)
            {
                (_composeMessage, _composeSeverity) = (problem, Severity.Warning);
                return;
            }

            _name = $"FLISR {_outageId.Trim().ToUpperInvariant()}";
            _draft.Clear();
            _draft.AddRange(proposal.Steps.Select(s => new DraftStep { DeviceId = s.DeviceId, Action = s.Action }));
            _study = proposal.Steps;
            var notes = proposal.Notes.Count == 0 ? "" : " " + string.Join(" ", proposal.Notes);
            (_composeMessage, _composeSeverity) = (
                $"Isolates {proposal.CustomersInFaultedSection:N0} customers in the faulted section of {proposal.FaultedDeviceId} and restores {proposal.CustomersRestored:N0}.{notes} Review, save and run.",
                proposal.Notes.Count == 0 ? Severity.Info : Severity.Warning);
        }
        catch (FluxDataException ex)
        {
            (_composeMessage, _composeSeverity) = ($"FLISR unavailable: {PanelWording.Error(ex)}", Severity.Error);
        }
    }

    private void AddStep()
    {
        if (_draft.Count < SwitchingStudy.MaxSteps)
        {
            _draft.Add(new DraftStep());
        }
    }

    private void RemoveStep(DraftStep step)
    {
        _draft.Remove(step);
        _study = null;
    }

    private List<SwitchingStep>? DraftSteps()
    {
        var steps = _draft.Where(s => !string.IsNullOrWhiteSpace(s.DeviceId)).Select(s => new SwitchingStep(s.DeviceId!.Trim(), s.Action)).ToList();
        if (steps.Count == 0)
        {
            (_composeMessage, _composeSeverity, _study) = ("Name at least one device.", Severity.Warning, null);
            return null;
        }

        return steps;
    }

    private async Task StudyAsync()
    {
        if (DraftSteps() is not { } steps)
        {
            return;
        }

        try
        {
            _study = SwitchingStudy.Validate(await Network.GetStateAsync(Loads.Token), steps);
            var runs = _study.All(s => s.Outcome is StepOutcome.Ok or StepOutcome.Warning);
            (_composeMessage, _composeSeverity) = runs ? ("Every step can run.", Severity.Success) : ("A step is refused; fix it before saving.", Severity.Error);
        }
        catch (FluxDataException ex)
        {
            (_composeMessage, _composeSeverity) = ($"Topology unavailable: {PanelWording.Error(ex)}", Severity.Error);
        }
    }

    private async Task SaveAsync()
    {
        if (DraftSteps() is not { } steps)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(_name))
        {
            (_composeMessage, _composeSeverity) = ("Give the plan a name.", Severity.Warning);
            return;
        }

        _busy = true;
        try
        {
            // Not the page's token: a plan the operator saved is written even if they navigate away.
            var saved = await Switching.SaveAsync(await UserAsync(), _name, steps, CancellationToken.None);
            _study = saved?.Validation;
            (_composeMessage, _composeSeverity) = saved switch
            {
                null => ("Your role may not save plans.", Severity.Error),
                { HeldDeviceId: { } held } => ($"{held} is held by open plan {saved.HoldingPlanId}; run or cancel that plan first.", Severity.Error),
                { Saved: false } => ("A step is refused; nothing was saved.", Severity.Error),
                _ => ($"Saved as {saved.PlanId}.", Severity.Success),
            };
            if (saved is { PlanId: { } planId })
            {
                await SelectAsync(planId);
            }
        }
        catch (FluxDataException ex)
        {
            (_composeMessage, _composeSeverity) = ($"Plan not saved: {PanelWording.Error(ex)}", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SelectAsync(string planId)
    {
        _selectedId = planId;
        _runMessage = null;
        await Loads.LoadAsync(_selected, planId, (id, ct) => Plans.GetAsync(id, ct));
    }

    private async Task RunAsync(int? step)
    {
        if (_selectedId is not { } planId)
        {
            return;
        }

        _busy = true;
        try
        {
            var (allowed, result) = await Switching.RunAsync(await UserAsync(), planId, step, CancellationToken.None);
            (_runMessage, _runSeverity) = (allowed, result) switch
            {
                (false, _) => ("Your role may not run plans.", Severity.Error),
                (_, null) => ($"Plan {planId} no longer exists.", Severity.Error),
                (_, { Succeeded: true }) => (result.Message, Severity.Success),
                _ => (result.Message, Severity.Error),
            };
        }
        catch (FluxDataException ex)
        {
            (_runMessage, _runSeverity) = ($"Plan not run: {PanelWording.Error(ex)}", Severity.Error);
        }
        finally
        {
            _busy = false;
        }

        await Loads.LoadAsync(_selected, planId, (id, ct) => Plans.GetAsync(id, ct));
    }

    private async Task CancelAsync()
    {
        if (_selectedId is not { } planId)
        {
            return;
        }

        var cancelled = await Switching.CancelAsync(await UserAsync(), planId, CancellationToken.None);
        (_runMessage, _runSeverity) = cancelled == true ? ("Plan cancelled; its devices are free.", Severity.Info) : ("The plan could not be cancelled.", Severity.Error);
        await Loads.LoadAsync(_selected, planId, (id, ct) => Plans.GetAsync(id, ct));
    }

    private static int? NextStep(SwitchingPlan plan) => plan.Steps.FirstOrDefault(s => s.Status == SwitchingPlanStatus.StepPending)?.Step;

    private static string StatusLabel(string status) => status[..1] + status[1..].ToLowerInvariant().Replace('_', ' ');

    /// <summary>One step as the operator edits it.</summary>
    private sealed class DraftStep
    {
        public string? DeviceId { get; set; }

        public SwitchingAction Action { get; set; } = SwitchingAction.Open;
    }
}
