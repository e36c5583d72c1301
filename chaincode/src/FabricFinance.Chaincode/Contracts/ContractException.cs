namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// A refusal a contract means the client to see: the router answers it with <see cref="Status"/>
/// and exactly this message, and logs nothing alarming. Any other exception escaping a
/// transaction is logged as a fault and answered with status 500 and a message naming the
/// transaction.
/// </summary>
/// <remarks>
/// Fabric fails the endorsement of any response with a status of 400 or more, so a refused
/// transaction writes nothing. Start messages with a stable code (for example
/// <c>NOT_FOUND: asset a1 does not exist.</c>) so clients can tell refusals apart.
/// </remarks>
public sealed class ContractException : Exception
{
    /// <summary>Initializes a new instance with status 500 and no message.</summary>
    public ContractException()
        : this("The transaction was refused.")
    {
    }

    /// <summary>Initializes a new instance with status 500.</summary>
    /// <param name="message">What the client sees.</param>
    public ContractException(string message)
        : this(message, ChaincodeResponse.Error)
    {
    }

    /// <summary>Initializes a new instance with status 500 and the exception that caused it.</summary>
    /// <param name="message">What the client sees.</param>
    /// <param name="innerException">The cause; logged, not sent to the client.</param>
    public ContractException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = ChaincodeResponse.Error;
    }

    /// <summary>Initializes a new instance with a status of your choice.</summary>
    /// <param name="message">What the client sees; not empty.</param>
    /// <param name="status">The response status, from 400 to 599.</param>
    /// <exception cref="ArgumentException"><paramref name="message"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is outside 400 to 599.</exception>
    public ContractException(string message, int status)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(status, ChaincodeResponse.ErrorThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        Status = status;
    }

    /// <summary>Gets the status of the response: 500 unless chosen, always from 400 to 599.</summary>
    public int Status { get; }
}
