using Grpc.Core;

namespace FabricFinance.Client.Errors;

/// <summary>
/// The submit call for a transaction failed. The endorsed transaction could not be sent to the ordering service. It may or may not have been ordered; check its commit status before resubmitting.
/// </summary>
public sealed class SubmitException : TransactionException
{
    /// <summary>Initializes a new exception with a generic message.</summary>
    public SubmitException()
        : this("The submit call for a transaction failed.")
    {
    }

    /// <summary>Initializes a new exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public SubmitException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new exception with a message and its cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause, usually an <see cref="RpcException"/>.</param>
    public SubmitException(string message, Exception? innerException)
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
    public SubmitException(
        string message,
        string transactionId,
        StatusCode statusCode,
        IReadOnlyList<ErrorDetail> details,
        Exception? innerException)
        : base(message, transactionId, statusCode, details, innerException)
    {
    }
}
