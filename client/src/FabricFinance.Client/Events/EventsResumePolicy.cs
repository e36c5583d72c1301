using System.Net.Sockets;
using FabricFinance.Client.Errors;
using Grpc.Core;

namespace FabricFinance.Client.Events;

/// <summary>
/// How an event stream with <see cref="ChaincodeEventsOptions.ResumeOnFailure"/> or
/// <see cref="BlockEventsOptions.ResumeOnFailure"/> reconnects after a transient failure: which failures count as
/// transient, how long to wait between attempts, and when to give up.
/// </summary>
/// <remarks>
/// <para>
/// The wait before the n-th consecutive attempt is <see cref="InitialDelay"/> × <see cref="Multiplier"/>^(n−1), at most
/// <see cref="MaxDelay"/>, measured with <see cref="GatewayOptions.TimeProvider"/>. The count of consecutive attempts
/// starts again once an event is delivered, or when a connection stayed up for at least <see cref="MaxDelay"/> (and
/// at least one second) before it failed.
/// </para>
/// <para>The gateway copies the policy when a request is created; changing it afterwards has no effect on that request.</para>
/// </remarks>
public sealed class EventsResumePolicy
{
    /// <summary>
    /// Gets or sets how many consecutive reconnection attempts are made before the last failure is thrown to the
    /// caller; <see langword="null"/> for no limit. The default is 10.
    /// </summary>
    public int? MaxAttempts { get; set; } = 10;

    /// <summary>Gets or sets the wait before the first reconnection attempt. The default is 1 second.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between two attempts. The default is 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the factor by which the wait grows after each failed attempt. The default is 2.</summary>
    public double Multiplier { get; set; } = 2;

    /// <summary>
    /// Gets or sets the test that decides whether a failure is transient, so the stream reconnects, or final, so the
    /// failure is thrown to the caller. <see langword="null"/> (the default) uses <see cref="IsTransient"/>.
    /// </summary>
    public Func<GatewayException, bool>? ShouldResume { get; set; }

    /// <summary>
    /// The default test for transient failures: the peer could not be reached or the connection was lost
    /// (<see cref="StatusCode.Unavailable"/>), a deadline set outside the client elapsed
    /// (<see cref="StatusCode.DeadlineExceeded"/>), the peer is over its concurrency limit
    /// (<see cref="StatusCode.ResourceExhausted"/>), the gateway could not read its ledger, as happens while a peer shuts
    /// down (<see cref="StatusCode.Aborted"/>), or the HTTP/2 stream or connection was reset
    /// (<see cref="StatusCode.Internal"/> caused by a transport error). Cancellation, permission, not-found and request
    /// errors are final.
    /// </summary>
    /// <param name="exception">The failure of an event stream.</param>
    /// <returns><see langword="true"/> when reconnecting may succeed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is <see langword="null"/>.</exception>
    public static bool IsTransient(GatewayException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode switch
        {
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted => true,
            StatusCode.Internal => IsTransportFailure(exception),
            _ => false,
        };
    }

    private static bool IsTransportFailure(GatewayException exception)
    {
        if (exception.InnerException is not RpcException rpcException)
        {
            return false;
        }

        var detail = rpcException.Status.Detail ?? string.Empty;
        if (detail.Contains("RST_STREAM", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("reset", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var cause = rpcException.Status.DebugException; cause is not null; cause = cause.InnerException)
        {
            if (cause is IOException or HttpRequestException or SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
