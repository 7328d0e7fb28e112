using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Flux.OpsCenter.Web.Diagnostics;

/// <summary>Keeps <see cref="OpenCircuits"/> up to date; one per circuit, as Blazor creates circuit handlers.</summary>
public sealed class OpenCircuitsHandler(OpenCircuits circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed();
        return Task.CompletedTask;
    }
}
