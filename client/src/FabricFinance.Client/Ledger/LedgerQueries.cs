using System.Globalization;
using System.Text;
using FabricFinance.Client.Errors;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client.Ledger;

/// <summary>
/// Queries a channel's ledger through the peers' query system chaincode (<c>qscc</c>): the chain height, blocks and
/// committed transactions, decoded into friendly types.
/// </summary>
/// <remarks>
/// <para>
/// Obtain one with <see cref="Network.GetLedger"/>. Each query is an ordinary evaluate of <c>qscc</c> through the
/// gateway, which runs system chaincode on the gateway peer itself, so the answer reflects that peer's ledger. Fabric's
/// default channel ACLs let any member of the channel (its <c>Readers</c>) call these functions; the query is signed by
/// the gateway's signer.
/// </para>
/// <para>Queries are read-only: nothing is written to the ledger.</para>
/// </remarks>
public sealed class LedgerQueries
{
    /// <summary>The name of Fabric's query system chaincode.</summary>
    public const string QueryChaincodeName = "qscc";

    private readonly Contract _qscc;

    internal LedgerQueries(Contract qscc)
    {
        _qscc = qscc;
    }

    /// <summary>Gets the name of the channel whose ledger is queried.</summary>
    public string ChannelName => _qscc.ChannelName;

    /// <summary>Reads the ledger's height and the hashes of its two latest blocks (<c>qscc</c> <c>GetChainInfo</c>).</summary>
    /// <param name="cancellationToken">A token that cancels the query.</param>
    /// <returns>The chain information.</returns>
    /// <exception cref="TransactionException">
    /// The query failed, for example because the identity is not a channel reader; <see cref="GatewayException.Details"/>
    /// holds the peer's message.
    /// </exception>
    /// <exception cref="FormatException">The peer's answer is not a <c>common.BlockchainInfo</c>.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public async Task<ChainInfo> GetChainInfoAsync(CancellationToken cancellationToken = default)
    {
        var result = await EvaluateAsync("GetChainInfo", ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        var info = Parse(BlockchainInfo.Parser, result, "GetChainInfo", "common.BlockchainInfo");
        return new ChainInfo(
            info.Height,
            info.CurrentBlockHash.Memory,
            info.PreviousBlockHash.Memory,
            info.BootstrappingSnapshotInfo?.LastBlockInSnapshot);
    }

    /// <summary>Reads a block by its number (<c>qscc</c> <c>GetBlockByNumber</c>).</summary>
    /// <param name="blockNumber">The block's number, from 0 for the genesis block.</param>
    /// <param name="cancellationToken">A token that cancels the query.</param>
    /// <returns>The block, decoded.</returns>
    /// <exception cref="TransactionException">
    /// The query failed, for example because the block is beyond the ledger's height; <see cref="GatewayException.Details"/>
    /// holds the peer's message.
    /// </exception>
    /// <exception cref="FormatException">The peer's answer is not a <c>common.Block</c>.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<LedgerBlock> GetBlockByNumberAsync(ulong blockNumber, CancellationToken cancellationToken = default) =>
        GetBlockAsync("GetBlockByNumber", Encoding.UTF8.GetBytes(blockNumber.ToString(CultureInfo.InvariantCulture)), cancellationToken);

    /// <summary>Reads a block by the hash of its header (<c>qscc</c> <c>GetBlockByHash</c>).</summary>
    /// <param name="blockHash">The hash, for example <see cref="ChainInfo.CurrentBlockHash"/>.</param>
    /// <param name="cancellationToken">A token that cancels the query.</param>
    /// <returns>The block, decoded.</returns>
    /// <exception cref="ArgumentException"><paramref name="blockHash"/> is empty.</exception>
    /// <exception cref="TransactionException">
    /// The query failed, for example because no block has that hash; <see cref="GatewayException.Details"/> holds the
    /// peer's message.
    /// </exception>
    /// <exception cref="FormatException">The peer's answer is not a <c>common.Block</c>.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<LedgerBlock> GetBlockByHashAsync(ReadOnlyMemory<byte> blockHash, CancellationToken cancellationToken = default)
    {
        if (blockHash.IsEmpty)
        {
            throw new ArgumentException("The block hash is empty.", nameof(blockHash));
        }

        return GetBlockAsync("GetBlockByHash", blockHash, cancellationToken);
    }

    /// <summary>Reads the block that holds a transaction (<c>qscc</c> <c>GetBlockByTxID</c>).</summary>
    /// <param name="transactionId">The transaction's identifier.</param>
    /// <param name="cancellationToken">A token that cancels the query.</param>
    /// <returns>The block, decoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transactionId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="transactionId"/> is empty or white space.</exception>
    /// <exception cref="TransactionException">
    /// The query failed, for example because no committed transaction has that identifier;
    /// <see cref="GatewayException.Details"/> holds the peer's message.
    /// </exception>
    /// <exception cref="FormatException">The peer's answer is not a <c>common.Block</c>.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<LedgerBlock> GetBlockByTransactionIdAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        return GetBlockAsync("GetBlockByTxID", Encoding.UTF8.GetBytes(transactionId), cancellationToken);
    }

    /// <summary>Reads a committed transaction and its validation code (<c>qscc</c> <c>GetTransactionByID</c>).</summary>
    /// <param name="transactionId">The transaction's identifier.</param>
    /// <param name="cancellationToken">A token that cancels the query.</param>
    /// <returns>The transaction, decoded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="transactionId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="transactionId"/> is empty or white space.</exception>
    /// <exception cref="TransactionException">
    /// The query failed, for example because no committed transaction has that identifier;
    /// <see cref="GatewayException.Details"/> holds the peer's message.
    /// </exception>
    /// <exception cref="FormatException">The peer's answer is not a <c>protos.ProcessedTransaction</c> with an envelope.</exception>
    /// <exception cref="InvalidOperationException">The gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public async Task<LedgerTransaction> GetTransactionByIdAsync(string transactionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        var result = await EvaluateAsync("GetTransactionByID", Encoding.UTF8.GetBytes(transactionId), cancellationToken).ConfigureAwait(false);
        var processed = Parse(ProcessedTransaction.Parser, result, "GetTransactionByID", "protos.ProcessedTransaction");
        if (processed.TransactionEnvelope is null)
        {
            throw new FormatException("The qscc GetTransactionByID answer holds no transaction envelope.");
        }

        return LedgerTransaction.Decode(processed);
    }

    private async Task<LedgerBlock> GetBlockAsync(string function, ReadOnlyMemory<byte> argument, CancellationToken cancellationToken)
    {
        var result = await EvaluateAsync(function, argument, cancellationToken).ConfigureAwait(false);
        var block = Parse(Block.Parser, result, function, "common.Block");
        if (block.Header is null)
        {
            throw new FormatException($"The qscc {function} answer is a block without a header.");
        }

        return LedgerBlock.Decode(block);
    }

    /// <summary>Evaluates a qscc function with the channel name and an optional second argument.</summary>
    private Task<byte[]> EvaluateAsync(string function, ReadOnlyMemory<byte> argument, CancellationToken cancellationToken)
    {
        var options = new ProposalOptions().AddArguments(ChannelName);
        if (!argument.IsEmpty)
        {
            options.Arguments.Add(argument);
        }

        return _qscc.EvaluateAsync(function, options, cancellationToken);
    }

    private static T Parse<T>(MessageParser<T> parser, byte[] bytes, string function, string messageName)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new FormatException($"The qscc {function} answer is not a serialized {messageName}: {ex.Message}", ex);
        }
    }
}
