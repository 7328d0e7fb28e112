using Microsoft.AspNetCore.Components.Authorization;

namespace Flux.OpsCenter.Web.Identity;

/// <summary>
/// The signed-in user (the ingress user in SPCS mode, else the local identity): from the HTTP request while there is
/// one (API calls, prerendering), else from the circuit's authentication state, which Blazor takes from the circuit's
/// connection.
/// </summary>
public sealed class SignedInOperator(IHttpContextAccessor http, IServiceProvider services) : ICurrentOperator
{
    public async Task<string?> GetNameAsync(CancellationToken cancellationToken)
    {
        if (http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } fromRequest })
        {
            return fromRequest;
        }

        if (services.GetService<AuthenticationStateProvider>() is not { } provider)
        {
            return null;
        }

        try
        {
            var state = await provider.GetAuthenticationStateAsync();
            return state.User.Identity is { IsAuthenticated: true, Name: { } fromCircuit } ? fromCircuit : null;
        }
        catch (InvalidOperationException)
        {
            // Outside a component scope the provider was never given a state.
            return null;
        }
    }
}
