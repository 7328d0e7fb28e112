namespace Flux.OpsCenter.Web.Identity;

/// <summary>Who is operating the app, for the app bar and for recording on actions (acknowledgements, audit).</summary>
public interface ICurrentOperator
{
    /// <summary>The signed-in user's name, or null when nobody is (SPCS mode without the ingress header).</summary>
    Task<string?> GetNameAsync(CancellationToken cancellationToken);
}
