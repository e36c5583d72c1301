using System.Runtime.CompilerServices;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Internal;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Orderer;

namespace FabricFinance.Client;

/// <summary>A Fabric channel, as seen through a <see cref="Gateway"/>: the entry point to its chaincode and events.</summary>
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
    /// Reads the events a chaincode emits from transactions committed as valid, in ledger order, for as long as the
    /// caller enumerates.
    /// </summary>
    /// <param name="chaincodeName">The name of the chaincode whose events to read.</param>
    /// <param name="options">Where to start reading; by default, from the next block committed.</param>
    /// <param name="cancellationToken">A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>
    /// The events. The request is signed and sent when enumeration starts; the sequence never ends by itself while the
    /// connection is healthy.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="chaincodeName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="chaincodeName"/> is empty or white space.</exception>
    /// <remarks>
    /// Failures surface from the enumeration, never silently ending it: a <see cref="GatewayException"/> when the stream
    /// fails (for example <see cref="Grpc.Core.StatusCode.Unavailable"/> when the peer goes away), an
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled or the gateway is
    /// disposed, an <see cref="InvalidOperationException"/> when the gateway has no signer, and an
    /// <see cref="ObjectDisposedException"/> when enumeration starts after the gateway was disposed.
    /// </remarks>
    /// <example>
    /// <code>
    /// await foreach (var e in network.GetChaincodeEventsAsync("bills", cancellationToken: stoppingToken))
    /// {
    ///     Console.WriteLine($"{e.BlockNumber} {e.TransactionId} {e.EventName}");
    /// }
    /// </code>
    /// </example>
    public IAsyncEnumerable<ChaincodeEvent> GetChaincodeEventsAsync(
        string chaincodeName,
        ChaincodeEventsOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chaincodeName);
        if (options?.AfterTransactionId is { } after)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(after, $"{nameof(options)}.{nameof(ChaincodeEventsOptions.AfterTransactionId)}");
        }

        var request = new ChaincodeEventsRequest
        {
            ChannelId = Name,
            ChaincodeId = chaincodeName,
            Identity = _context.SigningIdentity.Creator,
            StartPosition = options?.StartBlock is { } startBlock
                ? new SeekPosition { Specified = new SeekSpecified { Number = startBlock } }
                : new SeekPosition { NextCommit = new SeekNextCommit() },
            AfterTransactionId = options?.AfterTransactionId ?? string.Empty,
        };
        return ReadChaincodeEventsAsync(request, cancellationToken);
    }

    private async IAsyncEnumerable<ChaincodeEvent> ReadChaincodeEventsAsync(
        ChaincodeEventsRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requestBytes = request.ToByteString();
        var signature = await _context.SigningIdentity.SignAsync(requestBytes.Memory, cancellationToken).ConfigureAwait(false);
        var signedRequest = new SignedChaincodeEventsRequest { Request = requestBytes, Signature = signature };
        var subject = $"chaincode {request.ChaincodeId} on channel {Name}";

        await foreach (var response in _context.Client.ChaincodeEventsAsync(signedRequest, subject, cancellationToken).ConfigureAwait(false))
        {
            Log.ChaincodeEventsReceived(_context.Logger, subject, response.Events.Count, response.BlockNumber);
            foreach (var chaincodeEvent in response.Events)
            {
                yield return new ChaincodeEvent(
                    response.BlockNumber,
                    chaincodeEvent.TxId,
                    chaincodeEvent.ChaincodeId,
                    chaincodeEvent.EventName,
                    chaincodeEvent.Payload.Memory);
            }
        }
    }
}
