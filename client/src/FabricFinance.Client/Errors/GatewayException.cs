using Grpc.Core;

namespace FabricFinance.Client.Errors;

/// <summary>
/// A call to the Fabric Gateway service failed. The exception carries the gRPC status and the details that
/// individual peers reported; the <see cref="Exception.InnerException"/> is the <see cref="RpcException"/>, if any.
/// </summary>
/// <remarks>
/// Failures of the transaction flow derive from <see cref="TransactionException"/>; a transaction that committed
/// as invalid raises <see cref="CommitException"/> instead, because no call failed.
/// </remarks>
public class GatewayException : Exception
{
    /// <summary>Initializes a new exception with a generic message.</summary>
    public GatewayException()
        : this("A Fabric Gateway call failed.")
    {
    }

    /// <summary>Initializes a new exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public GatewayException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause, usually an <see cref="RpcException"/>.</param>
    public GatewayException(string message, Exception? innerException)
        : this(message, (innerException as RpcException)?.StatusCode ?? StatusCode.Unknown, [], innerException)
    {
    }

    /// <summary>Initializes a new exception with a gRPC status and peer details.</summary>
    /// <param name="message">What failed, including the peers' messages.</param>
    /// <param name="statusCode">The gRPC status code of the failed call.</param>
    /// <param name="details">The details peers reported; may be empty.</param>
    /// <param name="innerException">The cause, usually an <see cref="RpcException"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    public GatewayException(string message, StatusCode statusCode, IReadOnlyList<ErrorDetail> details, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = statusCode;
        Details = details;
    }

    /// <summary>
    /// Gets the gRPC status code of the failed call, for example <see cref="StatusCode.Aborted"/> when endorsement
    /// failed or <see cref="StatusCode.DeadlineExceeded"/> when the call's timeout elapsed.
    /// </summary>
    public StatusCode StatusCode { get; }

    /// <summary>
    /// Gets the details the gateway peer attached for the nodes it contacted (from the call's <c>grpc-status-details-bin</c>
    /// trailer); empty when there are none.
    /// </summary>
    public IReadOnlyList<ErrorDetail> Details { get; }
}
