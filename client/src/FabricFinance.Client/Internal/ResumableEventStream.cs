using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using FabricFinance.Client.Errors;

namespace FabricFinance.Client.Internal;

/// <summary>
/// Reads an event stream and, after a failure the resume settings call transient, reconnects from the position after
/// the last event delivered to the caller, waiting between attempts on the gateway's clock.
/// </summary>
internal static class ResumableEventStream
{
    /// <summary>Reads events from a new source, resuming it on transient failures.</summary>
    /// <param name="createSource">Creates the source of this enumeration; called once, when enumeration starts.</param>
    /// <param name="resume">When and how to reconnect.</param>
    /// <param name="context">The gateway's clock, logger and lifetime.</param>
    /// <param name="subject">What the stream is about, for logs.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Func<IEventSource<T>> createSource,
        ResumeSettings resume,
        GatewayContext context,
        string subject,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = createSource();
        var time = context.TimeProvider;
        var attempts = 0;
        var reconnecting = false;
        while (true)
        {
            var connectedAt = time.GetTimestamp();
            GatewayException? failure = null;
            var ended = false;
            var events = source.ConnectAsync(reconnecting, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await events.MoveNextAsync().ConfigureAwait(false))
                        {
                            ended = true;
                            break;
                        }
                    }
                    catch (GatewayException ex) when (!cancellationToken.IsCancellationRequested && resume.ShouldResume(ex))
                    {
                        failure = ex;
                        break;
                    }

                    var item = events.Current;
                    source.Delivered(item);
                    attempts = 0;
                    yield return item;
                }
            }
            finally
            {
                await events.DisposeAsync().ConfigureAwait(false);
            }

            if (ended || failure is null)
            {
                yield break;
            }

            if (time.GetElapsedTime(connectedAt) >= resume.HealthyConnection)
            {
                // The connection was healthy for a while: this is a new outage, not one more attempt at the last one.
                attempts = 0;
            }

            attempts++;
            if (resume.MaxAttempts is { } maxAttempts && attempts > maxAttempts)
            {
                EventsLog.ResumeAbandoned(context.Logger, subject, failure.StatusCode, maxAttempts);
                ExceptionDispatchInfo.Throw(failure);
            }

            var delay = resume.DelayBefore(attempts);
            EventsLog.Resuming(context.Logger, subject, failure.StatusCode, failure.Message, attempts, source.Position, delay.TotalMilliseconds);
            await DelayAsync(delay, context, subject, cancellationToken).ConfigureAwait(false);
            reconnecting = true;
        }
    }

    private static async Task DelayAsync(TimeSpan delay, GatewayContext context, string subject, CancellationToken cancellationToken)
    {
        var lifetime = context.Client.Deliver.Lifetime;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime);
        try
        {
            await Task.Delay(delay, context.TimeProvider, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The event stream for {subject} was cancelled while waiting to reconnect.", ex, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            throw new OperationCanceledException(
                $"The event stream for {subject} was cancelled while waiting to reconnect, because the gateway was disposed.", ex, lifetime);
        }
    }
}
