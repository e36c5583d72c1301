using BenchmarkDotNet.Attributes;
using FabricFinance.Chaincode;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Benchmarks.Chaincode;

/// <summary>
/// Transactions per second through the shim's handler with N transactions in flight on one stream.
/// Each transaction parses its signed proposal, reads a key, writes a key, sets an event and
/// completes: the shape of a typical submit. The peer side answers instantly, in process.
/// </summary>
[MemoryDiagnoser]
public class HandlerThroughputBenchmarks
{
    private const int Transactions = 4096;

    private HandlerHarness _harness = null!;
    private ChaincodeMessage[] _messages = [];

    /// <summary>Gets or sets how many transactions the peer keeps outstanding.</summary>
    [Params(1, 16, 64)]
    public int InFlight { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _harness = await HandlerHarness.StartAsync(new ReadWriteChaincode());
        _messages = Enumerable.Range(0, Transactions).Select(i => HandlerHarness.Transaction($"tx{i:x8}", "TransferAsset", "a1", "Bob")).ToArray();
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _harness.DisposeAsync().AsTask();

    [Benchmark(OperationsPerInvoke = Transactions)]
    public Task ReadWriteTransactions() => _harness.RunAsync(_messages, InFlight);

    /// <summary>Reads the asset, writes it back, and sets an event.</summary>
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
