namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// One transaction as a contract sees it: the stub, the client's identity, the names it was called
/// by, its cancellation token and a bag for state the hooks share with the transaction.
/// </summary>
/// <remarks>
/// The router creates one context per transaction and passes it to
/// <see cref="IContract.BeforeTransactionAsync"/>, to the transaction method (when it has a
/// <see cref="Context"/> parameter) and to <see cref="IContract.AfterTransactionAsync"/>. Tests may
/// create one over a test double of <see cref="IChaincodeStub"/>.
/// </remarks>
public sealed class Context
{
    private Dictionary<string, object?>? _items;

    /// <summary>Initializes a new instance for a transaction.</summary>
    /// <param name="stub">The transaction's stub.</param>
    /// <param name="contractName">The name of the contract the transaction was routed to.</param>
    /// <param name="transactionName">The transaction's name within the contract (without the contract prefix).</param>
    /// <param name="cancellationToken">Cancelled when the peer connection closes or the host stops waiting.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stub"/>, <paramref name="contractName"/> or <paramref name="transactionName"/> is <see langword="null"/>.</exception>
    public Context(IChaincodeStub stub, string contractName, string transactionName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stub);
        ArgumentNullException.ThrowIfNull(contractName);
        ArgumentNullException.ThrowIfNull(transactionName);
        Stub = stub;
        ContractName = contractName;
        TransactionName = transactionName;
        CancellationToken = cancellationToken;
    }

    /// <summary>Gets the transaction's stub: ledger access, the proposal, events.</summary>
    public IChaincodeStub Stub { get; }

    /// <summary>
    /// Gets the client that signed the proposal (MSP id, certificate, Fabric CA attributes, role),
    /// read from the stub's creator on first use.
    /// </summary>
    /// <exception cref="ChaincodeException">The creator is missing or is not an X.509 identity.</exception>
    public ClientIdentity ClientIdentity => Stub.ClientIdentity;

    /// <summary>Gets the name of the contract the transaction was routed to.</summary>
    public string ContractName { get; }

    /// <summary>
    /// Gets the transaction's name within the contract, as the client sent it (for an unknown
    /// transaction, the name that matched nothing).
    /// </summary>
    public string TransactionName { get; }

    /// <summary>Gets the token cancelled when the peer connection closes or the host stops waiting for the transaction.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Gets a bag of values for this transaction only, for example set by
    /// <see cref="IContract.BeforeTransactionAsync"/> and read by the transaction. Keys are compared ordinally.
    /// </summary>
    public IDictionary<string, object?> Items => _items ??= new Dictionary<string, object?>(StringComparer.Ordinal);
}
