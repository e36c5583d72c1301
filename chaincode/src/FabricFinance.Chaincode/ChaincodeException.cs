namespace FabricFinance.Chaincode;

/// <summary>
/// A ledger call the chaincode made through its stub failed: the peer refused the request (for
/// example a state read, or a write to a collection the client may not write), the connection to the
/// peer failed while the request was outstanding, or the peer's answer could not be read. Also thrown
/// when the transaction's creator is not an identity the shim can read
/// (<see cref="IChaincodeStub.ClientIdentity"/>).
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
