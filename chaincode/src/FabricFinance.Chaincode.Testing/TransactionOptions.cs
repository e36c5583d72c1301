namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// The optional parts of a transaction: transient data, its timestamp and id, whether it is an
/// <c>Init</c>, at which organization's peer it is simulated and which organizations endorse it.
/// </summary>
/// <example>
/// <code>
/// var options = new TransactionOptions
/// {
///     TransientData = { ["price"] = "100"u8.ToArray() },
///     EndorsingOrganizations = { "BankAMSP" },
/// };
/// </code>
/// </example>
public sealed class TransactionOptions
{
    /// <summary>Gets the transient data the chaincode reads (<see cref="IChaincodeStub.TransientData"/>); never written to the ledger.</summary>
    public IDictionary<string, ReadOnlyMemory<byte>> TransientData { get; } = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);

    /// <summary>Gets or sets the proposal timestamp; <see langword="null"/> takes the ledger's <see cref="InMemoryLedgerOptions.TimeProvider"/>.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>
    /// Gets or sets the transaction id; <see langword="null"/> computes Fabric's (hex SHA-256 of a random nonce
    /// and the creator). Committing two transactions with one id makes the second
    /// <see cref="ValidationCode.DuplicateTransactionId"/>.
    /// </summary>
    public string? TransactionId { get; set; }

    /// <summary>Gets or sets a value indicating whether this is an <c>Init</c> transaction: the chaincode's <see cref="IChaincode.InitAsync"/> runs, and private data calls are refused as a peer refuses them in Init.</summary>
    public bool IsInit { get; set; }

    /// <summary>
    /// Gets or sets the MSP id of the organization whose peer simulates the transaction. At a peer of an
    /// organization outside a collection, the collection's values are absent (only their hashes are there),
    /// as on Fabric. <see langword="null"/> takes the first of <see cref="EndorsingOrganizations"/>, or when
    /// that is empty too, a peer that is a member of every collection.
    /// </summary>
    public string? PeerOrganization { get; set; }

    /// <summary>
    /// Gets the MSP ids of the organizations whose peers endorse the transaction. When not empty, the
    /// commit checks them (as peers of their organizations) against the key-level policies of the keys the
    /// transaction writes, and against the collection's or chaincode's policy where a key has none, as
    /// Fabric's validator does; a failure makes the transaction <see cref="ValidationCode.EndorsementPolicyFailure"/>.
    /// When empty (the default) endorsement is not checked.
    /// </summary>
    public IList<string> EndorsingOrganizations { get; } = new List<string>();
}
