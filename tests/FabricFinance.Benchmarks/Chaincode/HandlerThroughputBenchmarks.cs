using BenchmarkDotNet.Attributes;
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
/// Transactions per second through the shim's handler with N transactions in flight on one stream.
/// Each transaction parses its signed proposal, reads a key, writes a key, sets an event and
/// completes: the shape of a typical submit. The peer side answers instantly, in process.
/// </summary>
[MemoryDiagnoser]
public class HandlerThroughputBenchmarks : IDisposable
{
    private const int Transactions = 4096;

    private InMemoryPeer _peer = null!;
    private CancellationTokenSource _stop = null!;
    private Task _handler = null!;
    private Task _peerLoop = null!;
    private ChaincodeMessage[] _messages = [];

    /// <summary>Gets or sets how many transactions the peer keeps outstanding.</summary>
    [Params(1, 16, 64)]
    public int InFlight { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _peer = new InMemoryPeer();
        _stop = new CancellationTokenSource();
        var handler = new ChaincodeHandler(_peer, new ReadWriteChaincode(), "bench_1.0:00", NullLogger.Instance);
        _handler = handler.RunAsync(_stop.Token);
        _peerLoop = _peer.RunAsync(_stop.Token);
        await _peer.SendAsync(new ChaincodeMessage { Type = MessageType.Registered });
        await _peer.SendAsync(new ChaincodeMessage { Type = MessageType.Ready });
        _messages = Enumerable.Range(0, Transactions).Select(i => BuildTransaction($"tx{i:x8}")).ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_handler, _peerLoop).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        _stop?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(OperationsPerInvoke = Transactions)]
    public async Task ReadWriteTransactions()
    {
        var sent = 0;
        for (; sent < InFlight; sent++)
        {
            await _peer.SendAsync(_messages[sent]);
        }

        for (var done = 0; done < Transactions; done++)
        {
            var completed = await _peer.Completed.ReadAsync();
            if (completed.Type != MessageType.Completed)
            {
                throw new InvalidOperationException($"Transaction {completed.Txid} failed: {completed.Payload.ToStringUtf8()}");
            }

            if (sent < Transactions)
            {
                await _peer.SendAsync(_messages[sent++]);
            }
        }
    }

    private static ChaincodeMessage BuildTransaction(string txId)
    {
        var input = new ChaincodeInput();
        input.Args.Add(ByteString.CopyFromUtf8("TransferAsset"));
        input.Args.Add(ByteString.CopyFromUtf8("a1"));
        input.Args.Add(ByteString.CopyFromUtf8("Bob"));
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

    /// <summary>Reads the asset, writes it back with a new owner, and sets an event.</summary>
    private sealed class ReadWriteChaincode : IChaincode
    {
        public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken) =>
            Task.FromResult(ChaincodeResponse.Success());

        public async Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken)
        {
            var value = await stub.GetStateAsync("asset~" + stub.Parameters[0], cancellationToken).ConfigureAwait(false);
            await stub.PutStateAsync("asset~" + stub.Parameters[0], value!, cancellationToken).ConfigureAwait(false);
            stub.SetEvent("AssetTransferred", value);
            return ChaincodeResponse.Success(value);
        }
    }
}
