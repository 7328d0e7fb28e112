namespace Flux.OpsCenter.Tests.Web.Components.Panels;

/// <summary>A query whose every call waits until the test answers it, so a test decides the order results arrive in.</summary>
internal sealed class GatedSource
{
    private readonly List<Call> _calls = [];

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public Task<string> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var call = new Call(key, new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        lock (_calls)
        {
            _calls.Add(call);
        }

        return call.Answer.Task;
    }

    /// <summary>One call: what it asked for, the token it was given, and the answer the test sets.</summary>
    internal sealed record Call(string Key, TaskCompletionSource<string> Answer, CancellationToken Token);
}
