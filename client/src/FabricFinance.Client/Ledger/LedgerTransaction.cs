using FabricFinance.Client.Internal;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client.Ledger;

/// <summary>
/// A committed transaction, as the ledger stores it, decoded: its headers, validation code, endorsers and the keys it
/// read and wrote.
/// </summary>
/// <remarks>Obtain one from <see cref="LedgerQueries.GetTransactionByIdAsync"/>, or decode one with <see cref="Decode"/>.</remarks>
public sealed class LedgerTransaction
{
    private LedgerTransaction(ProcessedTransaction processedTransaction)
    {
        ProcessedTransaction = processedTransaction;
        var decoded = EnvelopeDecoder.Decode(processedTransaction.TransactionEnvelope);
        TransactionId = decoded.TransactionId;
        Type = decoded.Type;
        ValidationCode = (TransactionValidationCode)processedTransaction.ValidationCode;
        ChannelName = decoded.ChannelName;
        CreatorMspId = decoded.CreatorMspId;
        ChaincodeName = decoded.ChaincodeName;
        Timestamp = decoded.Timestamp;
        EndorserMspIds = EnvelopeDecoder.EndorserMspIds(decoded.Transaction);
        ReadWriteSets = EnvelopeDecoder.ReadWriteSets(decoded.Transaction);
    }

    /// <summary>Gets the transaction as the peer sent it: the envelope and its validation code.</summary>
    public ProcessedTransaction ProcessedTransaction { get; }

    /// <summary>Gets the transaction identifier; empty when the envelope could not be read.</summary>
    public string TransactionId { get; }

    /// <summary>Gets the kind of transaction.</summary>
    public TransactionType Type { get; }

    /// <summary>
    /// Gets the validation code the committing peer recorded; only <see cref="TransactionValidationCode.Valid"/>
    /// transactions changed the world state.
    /// </summary>
    public TransactionValidationCode ValidationCode { get; }

    /// <summary>Gets the name of the channel the transaction belongs to; <see langword="null"/> when unreadable.</summary>
    public string? ChannelName { get; }

    /// <summary>Gets the MSP identifier of the client that created the transaction; <see langword="null"/> when unreadable.</summary>
    public string? CreatorMspId { get; }

    /// <summary>Gets the chaincode an endorser transaction invoked; <see langword="null"/> for other kinds.</summary>
    public string? ChaincodeName { get; }

    /// <summary>Gets the time the client put in the transaction's header; <see langword="null"/> when absent.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>
    /// Gets the MSP identifiers of the peers that endorsed the transaction, one per endorsement, in order (an
    /// organization appears more than once when several of its peers endorsed).
    /// </summary>
    public IReadOnlyList<string> EndorserMspIds { get; }

    /// <summary>Gets the keys the transaction read and wrote, per namespace, as its endorsers simulated them.</summary>
    public IReadOnlyList<NamespaceReadWriteSet> ReadWriteSets { get; }

    /// <summary>Decodes a transaction as returned by the ledger.</summary>
    /// <param name="processedTransaction">The transaction envelope and its validation code.</param>
    /// <returns>The decoded transaction; it keeps a reference to <paramref name="processedTransaction"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="processedTransaction"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="processedTransaction"/> holds no envelope.</exception>
    public static LedgerTransaction Decode(ProcessedTransaction processedTransaction)
    {
        ArgumentNullException.ThrowIfNull(processedTransaction);
        if (processedTransaction.TransactionEnvelope is null)
        {
            throw new ArgumentException("The processed transaction holds no envelope.", nameof(processedTransaction));
        }

        return new LedgerTransaction(processedTransaction);
    }
}
