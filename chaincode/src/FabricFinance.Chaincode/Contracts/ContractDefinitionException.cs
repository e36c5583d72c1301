namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// A contract cannot be served as declared (two transactions with the same name, a parameter type
/// the serializer cannot bind, two default contracts, ...). Thrown when the
/// <see cref="ContractRouter"/> is built, that is at startup, never while serving; the message names
/// the type and member at fault.
/// </summary>
public sealed class ContractDefinitionException : Exception
{
    /// <summary>Initializes a new instance with no message.</summary>
    public ContractDefinitionException()
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What is wrong and where.</param>
    public ContractDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public ContractDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
