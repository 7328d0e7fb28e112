using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Flux.OpsCenter.Data.Cortex;

/// <summary>
/// An agent run whose answer is streaming: the server-sent events in order, and Snowflake's request id (for feedback).
/// A stream that breaks off surfaces as a <see cref="FluxDataException"/> of kind Unavailable.
/// </summary>
public sealed class AgentRun : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal AgentRun(HttpResponseMessage response)
    {
        _response = response;
        RequestId = response.Headers.TryGetValues("X-Snowflake-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
    }

    /// <summary>Snowflake's id of the run request, when it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The events as they arrive: type (<c>event:</c>, <c>message</c> when absent) and data.</summary>
    public async IAsyncEnumerable<SseItem<string>> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Stream body;
        try
        {
            body = await _response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw BrokeOff(e);
        }

        var events = SseParser.Create(body).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (events.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (e is IOException or HttpRequestException)
                {
                    throw BrokeOff(e);
                }

                yield return events.Current;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    private static FluxDataException BrokeOff(Exception e) =>
        new(DataSourceKind.Snowflake, DataErrorKind.Unavailable, "The answer stopped: the connection to Snowflake Cortex broke off mid-answer.", e);
}
