using System.Formats.Asn1;
using System.Security.Cryptography;
using FabricFinance.Client.Internal;
using Hyperledger.Fabric.Protos.Common;

namespace FabricFinance.Client.Ledger;

/// <summary>
/// A block as stored on the ledger, with a summary of its header and transactions decoded for the common questions:
/// which transactions it holds, who created them, for which chaincode, and whether they were valid.
/// </summary>
/// <remarks>
/// <para>
/// Obtain one from <see cref="LedgerQueries"/>, or decode a block from a block event stream with <see cref="Decode"/>.
/// </para>
/// <para>
/// Blocks form a chain: each header records the <see cref="HeaderHash"/> of the block before it as its
/// <see cref="PreviousHash"/>. A reader that keeps the hash of the last block it processed can check that the next block
/// it receives continues the same chain (and not, say, the chain of a network recreated under the same name).
/// </para>
/// </remarks>
public sealed class LedgerBlock
{
    private LedgerBlock(Block block, IReadOnlyList<BlockTransaction> transactions)
    {
        Block = block;
        Number = block.Header.Number;
        PreviousHash = block.Header.PreviousHash.Memory;
        DataHash = block.Header.DataHash.Memory;
        HeaderHash = ComputeHeaderHash(block.Header);
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

    /// <summary>
    /// Gets the hash of the block's header, as Fabric computes it (<see cref="ComputeHeaderHash"/>): the value the next
    /// block records as its <see cref="PreviousHash"/>, and the key of <see cref="LedgerQueries.GetBlockByHashAsync"/>.
    /// </summary>
    public ReadOnlyMemory<byte> HeaderHash { get; }

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

    /// <summary>
    /// Computes the hash of a block header the way Fabric does: SHA-256 over the ASN.1 DER encoding of
    /// <c>SEQUENCE { INTEGER number, OCTET STRING previousHash, OCTET STRING dataHash }</c>.
    /// </summary>
    /// <remarks>
    /// This is the hash that the following block carries as its previous hash, that <c>qscc</c> reports in
    /// <see cref="ChainInfo.CurrentBlockHash"/> and accepts in <see cref="LedgerQueries.GetBlockByHashAsync"/>. The
    /// number is encoded as a non-negative integer (a leading zero byte when its top bit is set); an empty hash, as in
    /// the genesis block's previous hash, is encoded as an empty octet string.
    /// </remarks>
    /// <param name="header">The block header, for example <c>block.Header</c>.</param>
    /// <returns>The 32-byte SHA-256 hash.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is <see langword="null"/>.</exception>
    public static byte[] ComputeHeaderHash(BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return SHA256.HashData(EncodeHeader(header));
    }

    /// <summary>Encodes a block header as Fabric hashes it: the DER of (number, previous hash, data hash).</summary>
    internal static byte[] EncodeHeader(BlockHeader header)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(header.Number);
            writer.WriteOctetString(header.PreviousHash.Span);
            writer.WriteOctetString(header.DataHash.Span);
        }

        return writer.Encode();
    }
}
