using Flux.OpsCenter.Data.Grid;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Identity;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Composition of the outage lifecycle: the utility's policy, the transition table, its writes and their authorisation.</summary>
public static class OutageWorkflowExtensions
{
    public static IServiceCollection AddOutageWorkflow(this IServiceCollection services)
    {
        services.AddOptions<OutageWorkflowOptions>().BindConfiguration(OutageWorkflowOptions.SectionName);
        services.AddSingleton(sp => new OutageLifecycle(sp.GetRequiredService<IOptions<OutageWorkflowOptions>>().Value.RequireDispatchBeforeRestore));
        services.AddSingleton<OutageWorkflow>();
        services.AddSingleton<AuthorizedOutageCommands>();
        return services;
    }
}
