using FabricFinance.Client.Internal;
using Hyperledger.Fabric.Protos.Common;

namespace FabricFinance.Client.Ledger;

/// <summary>
/// A block as stored on the ledger, with a summary of its header and transactions decoded for the common questions:
/// which transactions it holds, who created them, for which chaincode, and whether they were valid.
/// </summary>
/// <remarks>
/// Obtain one from <see cref="LedgerQueries"/>, or decode a block from a block event stream with <see cref="Decode"/>.
/// </remarks>
public sealed class LedgerBlock
{
    private LedgerBlock(Block block, IReadOnlyList<BlockTransaction> transactions)
    {
        Block = block;
        Number = block.Header.Number;
        PreviousHash = block.Header.PreviousHash.Memory;
        DataHash = block.Header.DataHash.Memory;
        Transactions = transactions;
    }

    /// <summary>Gets the block itself, as the peer sent it.</summary>
    public Block Block { get; }

    /// <summary>Gets the block's number: its position in the chain, from 0 for the genesis block.</summary>
    public ulong Number { get; }

    /// <summary>Gets the hash of the previous block's header; empty for the genesis block.</summary>
    public ReadOnlyMemory<byte> PreviousHash { get; }

    /// <summary>Gets the hash of the block's data (its transactions), as recorded in its header.</summary>
    public ReadOnlyMemory<byte> DataHash { get; }

    /// <summary>Gets a summary of each transaction in the block, in block order.</summary>
    public IReadOnlyList<BlockTransaction> Transactions { get; }

    /// <summary>
    /// Decodes a block. Transactions whose envelopes cannot be read are kept, with an empty identifier and
    /// <see cref="TransactionType.Unknown"/>, since committing peers record such transactions as invalid.
    /// </summary>
    /// <param name="block">The block, for example from <see cref="Network.GetBlockEventsAsync"/>.</param>
    /// <returns>The decoded block; it keeps a reference to <paramref name="block"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="block"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="block"/> has no header.</exception>
    public static LedgerBlock Decode(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Header is null)
        {
            throw new ArgumentException("The block has no header.", nameof(block));
        }

        var envelopes = block.Data?.Data;
        var metadata = block.Metadata?.Metadata;
        var filter = metadata is not null && metadata.Count > (int)BlockMetadataIndex.TransactionsFilter
            ? metadata[(int)BlockMetadataIndex.TransactionsFilter].Span
            : [];

        var transactions = new List<BlockTransaction>(envelopes?.Count ?? 0);
        for (var index = 0; index < (envelopes?.Count ?? 0); index++)
        {
            var decoded = EnvelopeDecoder.Decode(envelopes![index]);
            var code = index < filter.Length ? (TransactionValidationCode)filter[index] : TransactionValidationCode.NotValidated;
            transactions.Add(new BlockTransaction(
                index,
                decoded.TransactionId,
                decoded.Type,
                code,
                decoded.CreatorMspId,
                decoded.ChaincodeName,
                decoded.Timestamp));
        }

        return new LedgerBlock(block, transactions.AsReadOnly());
    }
}
