namespace FabricFinance.Chaincode;

/// <summary>
/// The peer refused a request the chaincode made (for example a state read), or the connection to
/// the peer failed while the request was outstanding.
/// </summary>
public sealed class ChaincodeException : Exception
{
    /// <summary>Initializes a new instance with no message.</summary>
    public ChaincodeException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ChaincodeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ChaincodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
