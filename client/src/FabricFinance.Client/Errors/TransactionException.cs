using Grpc.Core;

namespace FabricFinance.Client.Errors;

/// <summary>
/// A gateway call for a specific transaction failed. Evaluate failures are reported with this type; the
/// derived <see cref="EndorseException"/>, <see cref="SubmitException"/> and <see cref="CommitStatusException"/>
/// tell which step of a submit failed.
/// </summary>
public class TransactionException : GatewayException
{
    /// <summary>Initializes a new exception with a generic message.</summary>
    public TransactionException()
        : this("A Fabric Gateway transaction call failed.")
    {
    }

    /// <summary>Initializes a new exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public TransactionException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause, usually an <see cref="RpcException"/>.</param>
    public TransactionException(string message, Exception? innerException)
        : this(message, string.Empty, (innerException as RpcException)?.StatusCode ?? StatusCode.Unknown, [], innerException)
    {
    }

    /// <summary>Initializes a new exception for a transaction, with a gRPC status and peer details.</summary>
    /// <param name="message">What failed, including the peers' messages.</param>
    /// <param name="transactionId">The identifier of the transaction the call was for.</param>
    /// <param name="statusCode">The gRPC status code of the failed call.</param>
    /// <param name="details">The details peers reported; may be empty.</param>
    /// <param name="innerException">The cause, usually an <see cref="RpcException"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transactionId"/> or <paramref name="details"/> is <see langword="null"/>.</exception>
    public TransactionException(
        string message,
        string transactionId,
        StatusCode statusCode,
        IReadOnlyList<ErrorDetail> details,
        Exception? innerException)
        : base(message, statusCode, details, innerException)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        TransactionId = transactionId;
    }

    /// <summary>Gets the identifier of the transaction the failed call was for.</summary>
    public string TransactionId { get; }
}
