using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Queries;
using Flux.OpsCenter.Web.Live;
using Microsoft.Extensions.Options;

namespace Flux.OpsCenter.Web.Api;

/// <summary>
/// The live snapshot as the read API serves it: notes the read (so the monitor keeps its fast interval while API
/// clients read) and waits for the first poll when the app has just started.
/// </summary>
public sealed class LiveReads(GridStatusFeed feed, GridQueries queries, IOptions<LiveOptions> options, TimeProvider time)
{
    /// <summary>How long a read waits for the monitor's first successful poll before it answers 503.</summary>
    public static readonly TimeSpan FirstSnapshotWait = TimeSpan.FromSeconds(15);

    public async Task<GridStatusSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        feed.NoteRead(time.GetUtcNow(), options.Value.ReadWindow);
        try
        {
            return await feed.GetCurrentAsync(cancellationToken).WaitAsync(FirstSnapshotWait, time, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new FluxDataException(queries.SourceKind, DataErrorKind.Unavailable,
                $"Live status has not been read yet: no poll succeeded within {FirstSnapshotWait.TotalSeconds:0} s.", ex);
        }
    }
}
