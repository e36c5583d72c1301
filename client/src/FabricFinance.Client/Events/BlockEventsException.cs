using FabricFinance.Client.Errors;
using Grpc.Core;

namespace FabricFinance.Client.Events;

/// <summary>
/// A peer's Deliver service ended a block event stream with a status other than <see cref="DeliverStatus.Success"/>,
/// for example <see cref="DeliverStatus.Forbidden"/> when the client identity may not read the channel's blocks.
/// </summary>
/// <remarks>
/// The status arrives as a message on a gRPC call that itself succeeded; <see cref="GatewayException.StatusCode"/>
/// holds the nearest gRPC code (<see cref="StatusCode.InvalidArgument"/> for a bad request,
/// <see cref="StatusCode.PermissionDenied"/>, <see cref="StatusCode.NotFound"/>, <see cref="StatusCode.Internal"/>,
/// <see cref="StatusCode.Unimplemented"/>, <see cref="StatusCode.Unavailable"/>, <see cref="StatusCode.Unknown"/>
/// otherwise) so that one <c>catch (GatewayException)</c> handles every event stream failure. A failure of the gRPC call
/// itself is a plain <see cref="GatewayException"/>.
/// </remarks>
public class BlockEventsException : GatewayException
{
    /// <summary>Initializes a new exception with a generic message.</summary>
    public BlockEventsException()
        : this("A block event stream failed.")
    {
    }

    /// <summary>Initializes a new exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public BlockEventsException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public BlockEventsException(string message, Exception? innerException)
        : this(message, DeliverStatus.Unknown, innerException)
    {
    }

    /// <summary>Initializes a new exception for a status the Deliver service sent.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="status">The status the peer sent.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BlockEventsException(string message, DeliverStatus status, Exception? innerException)
        : base(message, ToStatusCode(status), [], innerException)
    {
        Status = status;
    }

    /// <summary>Gets the status the peer's Deliver service sent.</summary>
    public DeliverStatus Status { get; }

    private static StatusCode ToStatusCode(DeliverStatus status) => status switch
    {
        DeliverStatus.Success => StatusCode.OK,
        DeliverStatus.BadRequest or DeliverStatus.RequestEntityTooLarge => StatusCode.InvalidArgument,
        DeliverStatus.Forbidden => StatusCode.PermissionDenied,
        DeliverStatus.NotFound => StatusCode.NotFound,
        DeliverStatus.InternalServerError => StatusCode.Internal,
        DeliverStatus.NotImplemented => StatusCode.Unimplemented,
        DeliverStatus.ServiceUnavailable => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };
}
