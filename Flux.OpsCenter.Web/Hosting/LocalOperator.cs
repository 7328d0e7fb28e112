namespace Flux.OpsCenter.Web.Hosting;

/// <summary>Outside SPCS there is no authenticating ingress: actions are recorded as the account running the app.</summary>
public sealed class LocalOperator : ICurrentOperator
{
    public string Name { get; } = $"local:{Environment.UserName}";
}
