namespace Flux.OpsCenter.Web.Identity;

/// <summary>Outside SPCS mode nobody vouches for the caller, so no name is shown or recorded from request headers.</summary>
public sealed class UnknownOperator : ICurrentOperator
{
    public Task<string?> GetNameAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
