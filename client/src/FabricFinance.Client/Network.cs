using FabricFinance.Client.Errors;
using FabricFinance.Client.Events;
using FabricFinance.Client.Internal;
using FabricFinance.Client.Ledger;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client;

/// <summary>
/// A Fabric channel, as seen through a <see cref="Gateway"/>: the entry point to its chaincode, its chaincode and block
/// events, and its ledger.
/// </summary>
/// <remarks>Obtain one with <see cref="Gateway.GetNetwork"/>. Networks are lightweight and thread-safe.</remarks>
public sealed class Network
{
    private readonly GatewayContext _context;

    internal Network(GatewayContext context, string name)
    {
        _context = context;
        Name = name;
    }

    /// <summary>Gets the channel's name.</summary>
    public string Name { get; }

    /// <summary>Gets a contract: a chaincode deployed on this channel, or one named contract within it.</summary>
    /// <param name="chaincodeName">The chaincode's name, as defined on the channel.</param>
    /// <param name="contractName">
    /// The contract within the chaincode, or <see langword="null"/> for the chaincode's default contract. Transaction
    /// names are then sent as <c>contractName:transactionName</c>.
    /// </param>
    /// <returns>The contract.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chaincodeName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="chaincodeName"/> is empty or white space, or <paramref name="contractName"/> is empty, white space or contains <c>:</c>.
    /// </exception>
    public Contract GetContract(string chaincodeName, string? contractName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chaincodeName);
        if (contractName is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(contractName);
            if (contractName.Contains(':', StringComparison.Ordinal))
            {
                throw new ArgumentException("A contract name cannot contain ':', which separates it from the transaction name.", nameof(contractName));
            }
        }

        return new Contract(_context, Name, chaincodeName, contractName);
    }

    /// <summary>
    /// Gets the channel's ledger queries: chain height, blocks and transactions, through the query system chaincode
    /// (<c>qscc</c>) on the gateway peer.
    /// </summary>
    /// <returns>The ledger queries. No call is made.</returns>
    public LedgerQueries GetLedger() => new(GetContract(LedgerQueries.QueryChaincodeName));

    /// <summary>
    /// Reads the events a chaincode emits from transactions committed as valid, in ledger order, for as long as the
    /// caller enumerates.
    /// </summary>
    /// <param name="chaincodeName">The name of the chaincode whose events to read.</param>
    /// <param name="options">
    /// Where to start reading (by default, from the next block committed) and whether to reconnect after transient
    /// failures (by default, no).
    /// </param>
    /// <param name="cancellationToken">A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>
    /// The events. The request is signed and sent when enumeration starts; the sequence never ends by itself while the
    /// connection is healthy.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="chaincodeName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="chaincodeName"/> is empty or white space, or <paramref name="options"/> holds a blank
    /// <see cref="ChaincodeEventsOptions.AfterTransactionId"/> or an invalid <see cref="ChaincodeEventsOptions.ResumePolicy"/>.
    /// </exception>
    /// <remarks>
    /// This is <see cref="NewChaincodeEventsRequest"/> followed by <see cref="ChaincodeEventsRequest.GetEventsAsync"/>;
    /// see there for the failures the enumeration throws and for how resuming works. Failures surface from the
    /// enumeration, never silently ending it: a <see cref="GatewayException"/> when the stream fails, an
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled or the gateway is
    /// disposed, an <see cref="InvalidOperationException"/> when the gateway has no signer, and an
    /// <see cref="ObjectDisposedException"/> when enumeration starts after the gateway was disposed.
    /// </remarks>
    /// <example>
    /// <code>
    /// var options = new ChaincodeEventsOptions { Checkpoint = checkpointer, ResumeOnFailure = true };
    /// await foreach (var e in network.GetChaincodeEventsAsync("bills", options, stoppingToken))
    /// {
    ///     Console.WriteLine($"{e.BlockNumber} {e.TransactionId} {e.EventName}");
    ///     await checkpointer.CheckpointChaincodeEventAsync(e, stoppingToken);
    /// }
    /// </code>
    /// </example>
    public IAsyncEnumerable<ChaincodeEvent> GetChaincodeEventsAsync(
        string chaincodeName,
        ChaincodeEventsOptions? options = null,
        CancellationToken cancellationToken = default) =>
        NewChaincodeEventsRequest(chaincodeName, options).GetEventsAsync(cancellationToken);

    /// <summary>
    /// Creates an unsigned request for a chaincode's events, to sign offline (<see cref="ISignable.GetDigest"/>, then
    /// <see cref="Gateway.NewSignedChaincodeEventsRequest"/>) or to read with <see cref="ChaincodeEventsRequest.GetEventsAsync"/>.
    /// </summary>
    /// <param name="chaincodeName">The name of the chaincode whose events to read.</param>
    /// <param name="options">Where to start reading and whether to reconnect after transient failures.</param>
    /// <returns>The request. The options' checkpointer is read now.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chaincodeName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="chaincodeName"/> is empty or white space, or <paramref name="options"/> holds a blank
    /// <see cref="ChaincodeEventsOptions.AfterTransactionId"/>, a checkpointer with a blank transaction identifier, or an
    /// invalid <see cref="ChaincodeEventsOptions.ResumePolicy"/>.
    /// </exception>
    public ChaincodeEventsRequest NewChaincodeEventsRequest(string chaincodeName, ChaincodeEventsOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chaincodeName);
        if (options?.AfterTransactionId is { } after)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(after, $"{nameof(options)}.{nameof(ChaincodeEventsOptions.AfterTransactionId)}");
        }

        var resume = ResumeSettings.From(options?.ResumeOnFailure ?? false, options?.ResumePolicy, nameof(options));
        var startBlock = options?.StartBlock;
        var afterTransactionId = options?.AfterTransactionId;
        if (ReadCheckpoint(options?.Checkpoint, nameof(options)) is { } checkpoint)
        {
            startBlock = checkpoint.BlockNumber ?? startBlock;
            afterTransactionId = checkpoint.TransactionId;
        }

        return ChaincodeEventsRequest.Create(_context, Name, chaincodeName, startBlock, afterTransactionId, resume);
    }

    /// <summary>
    /// Reads the channel's full blocks from the gateway peer's Deliver service, in order, for as long as the caller
    /// enumerates.
    /// </summary>
    /// <param name="options">
    /// Where to start reading (by default, from the next block committed) and whether to reconnect after transient
    /// failures (by default, no).
    /// </param>
    /// <param name="cancellationToken">A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The blocks; decode one with <see cref="LedgerBlock.Decode"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> holds an invalid <see cref="BlockEventsOptions.ResumePolicy"/>.</exception>
    /// <remarks>
    /// This is <see cref="NewBlockEventsRequest"/> followed by <see cref="DeliverEventsRequest{TBlock}.GetEventsAsync"/>;
    /// see there for the failures the enumeration throws (among them <see cref="BlockEventsException"/>) and for how
    /// resuming works.
    /// </remarks>
    /// <example>
    /// <code>
    /// await foreach (var block in network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 0 }, stoppingToken))
    /// {
    ///     var decoded = LedgerBlock.Decode(block);
    ///     Console.WriteLine($"block {decoded.Number}: {decoded.Transactions.Count} transactions");
    /// }
    /// </code>
    /// </example>
    public IAsyncEnumerable<Block> GetBlockEventsAsync(BlockEventsOptions? options = null, CancellationToken cancellationToken = default) =>
        NewBlockEventsRequest(options).GetEventsAsync(cancellationToken);

    /// <summary>
    /// Reads the channel's filtered blocks (transaction identifiers, types, validation codes and chaincode events without
    /// payloads) from the gateway peer's Deliver service, in order, for as long as the caller enumerates.
    /// </summary>
    /// <param name="options">Where to start reading and whether to reconnect after transient failures.</param>
    /// <param name="cancellationToken">A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The filtered blocks.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> holds an invalid <see cref="BlockEventsOptions.ResumePolicy"/>.</exception>
    /// <remarks>
    /// This is <see cref="NewFilteredBlockEventsRequest"/> followed by
    /// <see cref="DeliverEventsRequest{TBlock}.GetEventsAsync"/>; see there for the failures the enumeration throws.
    /// </remarks>
    public IAsyncEnumerable<FilteredBlock> GetFilteredBlockEventsAsync(BlockEventsOptions? options = null, CancellationToken cancellationToken = default) =>
        NewFilteredBlockEventsRequest(options).GetEventsAsync(cancellationToken);

    /// <summary>
    /// Reads the channel's full blocks with the private data the client identity may read, from the gateway peer's
    /// Deliver service, in order, for as long as the caller enumerates.
    /// </summary>
    /// <param name="options">Where to start reading and whether to reconnect after transient failures.</param>
    /// <param name="cancellationToken">A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The blocks with their private data, keyed by transaction index.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> holds an invalid <see cref="BlockEventsOptions.ResumePolicy"/>.</exception>
    /// <remarks>
    /// This is <see cref="NewBlockAndPrivateDataEventsRequest"/> followed by
    /// <see cref="DeliverEventsRequest{TBlock}.GetEventsAsync"/>; see there for the failures the enumeration throws.
    /// </remarks>
    public IAsyncEnumerable<BlockAndPrivateData> GetBlockAndPrivateDataEventsAsync(
        BlockEventsOptions? options = null,
        CancellationToken cancellationToken = default) =>
        NewBlockAndPrivateDataEventsRequest(options).GetEventsAsync(cancellationToken);

    /// <summary>
    /// Creates an unsigned request for the channel's full blocks, to sign offline (<see cref="ISignable.GetDigest"/>, then
    /// <see cref="Gateway.NewSignedBlockEventsRequest"/>) or to read with
    /// <see cref="DeliverEventsRequest{TBlock}.GetEventsAsync"/>.
    /// </summary>
    /// <param name="options">Where to start reading and whether to reconnect after transient failures.</param>
    /// <returns>The request, timestamped now. The options' checkpointer is read now.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> holds an invalid <see cref="BlockEventsOptions.ResumePolicy"/>.</exception>
    public BlockEventsRequest NewBlockEventsRequest(BlockEventsOptions? options = null)
    {
        var (payload, resume) = NewSeekRequest(options);
        return new BlockEventsRequest(_context, payload, signature: null, resume);
    }

    /// <summary>
    /// Creates an unsigned request for the channel's filtered blocks, to sign offline (<see cref="ISignable.GetDigest"/>,
    /// then <see cref="Gateway.NewSignedFilteredBlockEventsRequest"/>) or to read with
    /// <see cref="DeliverEventsRequest{TBlock}.GetEventsAsync"/>.
    /// </summary>
    /// <param name="options">Where to start reading and whether to reconnect after transient failures.</param>
    /// <returns>The request, timestamped now. The options' checkpointer is read now.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> holds an invalid <see cref="BlockEventsOptions.ResumePolicy"/>.</exception>
    public FilteredBlockEventsRequest NewFilteredBlockEventsRequest(BlockEventsOptions? options = null)
    {
        var (payload, resume) = NewSeekRequest(options);
        return new FilteredBlockEventsRequest(_context, payload, signature: null, resume);
    }

    /// <summary>
    /// Creates an unsigned request for the channel's full blocks with private data, to sign offline
    /// (<see cref="ISignable.GetDigest"/>, then <see cref="Gateway.NewSignedBlockAndPrivateDataEventsRequest"/>) or to
    /// read with <see cref="DeliverEventsRequest{TBlock}.GetEventsAsync"/>.
    /// </summary>
    /// <param name="options">Where to start reading and whether to reconnect after transient failures.</param>
    /// <returns>The request, timestamped now. The options' checkpointer is read now.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> holds an invalid <see cref="BlockEventsOptions.ResumePolicy"/>.</exception>
    public BlockAndPrivateDataEventsRequest NewBlockAndPrivateDataEventsRequest(BlockEventsOptions? options = null)
    {
        var (payload, resume) = NewSeekRequest(options);
        return new BlockAndPrivateDataEventsRequest(_context, payload, signature: null, resume);
    }

    private (ByteString Payload, ResumeSettings? Resume) NewSeekRequest(BlockEventsOptions? options)
    {
        var resume = ResumeSettings.From(options?.ResumeOnFailure ?? false, options?.ResumePolicy, nameof(options));
        var startBlock = ReadCheckpoint(options?.Checkpoint, nameof(options))?.BlockNumber ?? options?.StartBlock;
        return (EventRequests.SeekPayload(_context, Name, startBlock).ToByteString(), resume);
    }

    /// <summary>Reads a checkpointer's position, or returns null when it has none.</summary>
    private static CheckpointPosition? ReadCheckpoint(ICheckpointer? checkpointer, string paramName)
    {
        if (checkpointer is null)
        {
            return null;
        }

        var blockNumber = checkpointer.BlockNumber;
        var transactionId = string.IsNullOrEmpty(checkpointer.TransactionId) ? null : checkpointer.TransactionId;
        if (transactionId is not null && string.IsNullOrWhiteSpace(transactionId))
        {
            throw new ArgumentException("The checkpointer's TransactionId is white space.", paramName);
        }

        return blockNumber is null && transactionId is null ? null : new CheckpointPosition(blockNumber, transactionId);
    }
}
