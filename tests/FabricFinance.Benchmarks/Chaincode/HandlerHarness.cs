using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Handler;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Logging.Abstractions;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Benchmarks.Chaincode;

/// <summary>
/// A chaincode's handler on an <see cref="InMemoryPeer"/> stream, registered and ready, and a way
/// to push a batch of prebuilt transactions through it with N in flight.
/// </summary>
internal sealed class HandlerHarness : IAsyncDisposable
{
    private readonly InMemoryPeer _peer = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _handler;
    private readonly Task _peerLoop;

    private HandlerHarness(IChaincode chaincode)
    {
        var handler = new ChaincodeHandler(_peer, chaincode, "bench_1.0:00", NullLogger.Instance);
        _handler = handler.RunAsync(_stop.Token);
        _peerLoop = _peer.RunAsync(_stop.Token);
    }

    public static async Task<HandlerHarness> StartAsync(IChaincode chaincode)
    {
        var harness = new HandlerHarness(chaincode);
        await harness._peer.SendAsync(new ChaincodeMessage { Type = MessageType.Registered });
        await harness._peer.SendAsync(new ChaincodeMessage { Type = MessageType.Ready });
        return harness;
    }

    /// <summary>Sends every message, keeping <paramref name="inFlight"/> outstanding, and waits for all to complete.</summary>
    public async Task RunAsync(IReadOnlyList<ChaincodeMessage> messages, int inFlight)
    {
        var sent = 0;
        for (; sent < Math.Min(inFlight, messages.Count); sent++)
        {
            await _peer.SendAsync(messages[sent]);
        }

        for (var done = 0; done < messages.Count; done++)
        {
            var completed = await _peer.Completed.ReadAsync();
            if (completed.Type != MessageType.Completed || Response.Parser.ParseFrom(completed.Payload).Status != 200)
            {
                throw new InvalidOperationException($"Transaction {completed.Txid} failed: {completed.Payload.ToStringUtf8()}");
            }

            if (sent < messages.Count)
            {
                await _peer.SendAsync(messages[sent++]);
            }
        }
    }

    /// <summary>Builds a TRANSACTION message with a realistic signed proposal (an 800-byte creator).</summary>
    public static ChaincodeMessage Transaction(string txId, params string[] args)
    {
        var input = new ChaincodeInput();
        input.Args.AddRange(args.Select(ByteString.CopyFromUtf8));
        var header = new Header
        {
            ChannelHeader = new ChannelHeader
            {
                Type = (int)HeaderType.EndorserTransaction,
                ChannelId = "fabfin",
                TxId = txId,
                Timestamp = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)),
            }.ToByteString(),
            SignatureHeader = new SignatureHeader
            {
                Creator = new SerializedIdentity { Mspid = "ExchangeMSP", IdBytes = ByteString.CopyFrom(new byte[800]) }.ToByteString(),
                Nonce = ByteString.CopyFrom(new byte[24]),
            }.ToByteString(),
        };
        var proposal = new Proposal
        {
            Header = header.ToByteString(),
            Payload = new ChaincodeProposalPayload { Input = input.ToByteString() }.ToByteString(),
        };
        return new ChaincodeMessage
        {
            Type = MessageType.Transaction,
            ChannelId = "fabfin",
            Txid = txId,
            Payload = input.ToByteString(),
            Proposal = new SignedProposal { ProposalBytes = proposal.ToByteString(), Signature = ByteString.CopyFrom(new byte[72]) },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_handler, _peerLoop).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
