namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// Marks a public instance method of a contract as a transaction clients can call. Methods
/// without this attribute are not reachable from outside.
/// </summary>
/// <remarks>
/// A transaction method takes its arguments as parameters, bound from the transaction's string
/// arguments in order (see <see cref="ITransactionSerializer"/>). Parameters of type
/// <see cref="Context"/>, <see cref="IChaincodeStub"/>, <see cref="ClientIdentity"/> and
/// <see cref="CancellationToken"/> are not arguments: they receive the transaction's context, stub,
/// client identity and cancellation token. Parameters with
/// default values are optional trailing arguments. The method may return nothing, a value, a
/// <see cref="ChaincodeResponse"/> (sent as it is), or a <see cref="Task"/> or
/// <see cref="ValueTask"/> of those.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class TransactionAttribute : Attribute
{
    /// <summary>
    /// Gets or sets the name clients call; <see langword="null"/> uses the method name. Not empty,
    /// no white space or <c>:</c>, unique within the contract.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the transaction only reads (an evaluate, or query).
    /// Reported in the metadata as the tag <c>EVALUATE</c>, otherwise <c>SUBMIT</c>. Fabric cannot
    /// enforce it: a client may still submit the transaction, and it then commits its reads.
    /// </summary>
    public bool Evaluate { get; set; }
}
