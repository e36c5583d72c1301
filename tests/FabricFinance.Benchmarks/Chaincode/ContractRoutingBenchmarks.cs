using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FabricFinance.Bills;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Benchmarks.Chaincode;

/// <summary>
/// The contract API's cost: the same transaction (five arguments: a string, an integer, a boolean,
/// an enum and a JSON record; one read, one write, an event, a JSON result) written once against
/// the raw <see cref="IChaincode"/> with hand parsing, once as a <c>[Transaction]</c> method bound
/// by the router. Both run through the real handler with 16 in flight. The <c>IssueBill</c> pair does the same for
/// the bill contract's argument shape: one JSON record (<see cref="IssueBillRequest"/>: strings, an enum, an amount, a
/// date, a flag) bound strictly, one read, one write of the new bill's JSON, an event, the bill as the result.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ContractRoutingBenchmarks
{
    private const int Transactions = 4096;
    private const int InFlight = 16;

    private HandlerHarness _raw = null!;
    private HandlerHarness _routed = null!;
    private ChaincodeMessage[] _messages = [];
    private ChaincodeMessage[] _issueMessages = [];

    public enum Priority
    {
        Low,
        High,
    }

    public sealed record Terms(int RateBps, string Note);

    public sealed record Receipt(string Id, long Amount, bool Urgent, Priority Priority, Terms Terms);

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _raw = await HandlerHarness.StartAsync(new HandWrittenChaincode());
        _routed = await HandlerHarness.StartAsync(ContractRouter.Create([new RoutedContract()]));
        _messages = Enumerable.Range(0, Transactions)
            .Select(i => HandlerHarness.Transaction($"tx{i:x8}", "Record", "bill-42", "1250000", "true", "High", "{\"rateBps\":250,\"note\":\"q4\"}"))
            .ToArray();
        _issueMessages = Enumerable.Range(0, Transactions)
            .Select(i => HandlerHarness.Transaction(
                $"tx{i:x8}",
                "IssueBill",
                JsonSerializer.Serialize(new IssueBillRequest($"rtp5eswp0w3n{i}", BillKind.Bank, "SupplierA", "BankA", 10_000_000, new DateOnly(2026, 4, 5), true), BillJson.Options)))
            .ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _raw.DisposeAsync();
        await _routed.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Transactions)]
    [BenchmarkCategory("Record")]
    public Task HandWritten() => _raw.RunAsync(_messages, InFlight);

    [Benchmark(OperationsPerInvoke = Transactions)]
    [BenchmarkCategory("Record")]
    public Task ContractRouter_() => _routed.RunAsync(_messages, InFlight);

    [Benchmark(Baseline = true, OperationsPerInvoke = Transactions)]
    [BenchmarkCategory("IssueBill")]
    public Task HandWrittenIssueBill() => _raw.RunAsync(_issueMessages, InFlight);

    [Benchmark(OperationsPerInvoke = Transactions)]
    [BenchmarkCategory("IssueBill")]
    public Task ContractRouterIssueBill() => _routed.RunAsync(_issueMessages, InFlight);

    private static async Task<byte[]> DoWorkAsync(IChaincodeStub stub, Receipt receipt, CancellationToken ct)
    {
        _ = await stub.GetStateAsync("r~" + receipt.Id, ct).ConfigureAwait(false);
        var json = JsonSerializer.SerializeToUtf8Bytes(receipt, JsonTransactionSerializer.Default.Options);
        await stub.PutStateAsync("r~" + receipt.Id, json, ct).ConfigureAwait(false);
        stub.SetEvent("Recorded", json);
        return json;
    }

    /// <summary>IssueBill's work after binding: is the id free, write the new bill, announce it.</summary>
    private static async Task<Bill> IssueAsync(IChaincodeStub stub, IssueBillRequest request, CancellationToken ct)
    {
        _ = await stub.GetStateAsync("bill~" + request.Id, ct).ConfigureAwait(false);
        var today = new DateOnly(2026, 1, 5);
        var bill = new Bill(
            request.Id, request.Kind, "CoreCorp", request.Payee, request.Acceptor, request.Amount, "CNY", today, request.DueDate, request.Transferable,
            "CoreCorp", BillStatus.PendingAcceptance, [1, request.Amount], null, [], 1, today, null, null, null, null);
        var json = JsonSerializer.SerializeToUtf8Bytes(bill, JsonTransactionSerializer.Default.Options);
        await stub.PutStateAsync("bill~" + request.Id, json, ct).ConfigureAwait(false);
        stub.SetEvent("BillIssued", json);
        return bill;
    }

    private sealed class HandWrittenChaincode : IChaincode
    {
        public Task<ChaincodeResponse> InitAsync(IChaincodeStub stub, CancellationToken cancellationToken) =>
            Task.FromResult(ChaincodeResponse.Success());

        public async Task<ChaincodeResponse> InvokeAsync(IChaincodeStub stub, CancellationToken cancellationToken)
        {
            var p = stub.Parameters;
            if (stub.FunctionName == "IssueBill")
            {
                if (p.Count != 1 || JsonSerializer.Deserialize<IssueBillRequest>(p[0], JsonTransactionSerializer.Default.Options) is not { } request)
                {
                    return ChaincodeResponse.Failure("INVALID_ARGUMENT: bad arguments");
                }

                var bill = await IssueAsync(stub, request, cancellationToken).ConfigureAwait(false);
                return ChaincodeResponse.Success(JsonSerializer.SerializeToUtf8Bytes(bill, JsonTransactionSerializer.Default.Options));
            }

            if (stub.FunctionName != "Record" || p.Count != 5
                || !long.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                || !bool.TryParse(p[2], out var urgent)
                || !Enum.TryParse<Priority>(p[3], out var priority)
                || JsonSerializer.Deserialize<Terms>(p[4], JsonTransactionSerializer.Default.Options) is not { } terms)
            {
                return ChaincodeResponse.Failure("INVALID_ARGUMENT: bad arguments");
            }

            var json = await DoWorkAsync(stub, new Receipt(p[0], amount, urgent, priority, terms), cancellationToken).ConfigureAwait(false);
            return ChaincodeResponse.Success(json);
        }
    }

    [Contract(Name = "bench")]
    private sealed class RoutedContract : ContractBase
    {
        [Transaction]
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "The router calls transactions on the contract instance.")]
        public async Task<Receipt> Record(Context context, string id, long amount, bool urgent, Priority priority, Terms terms)
        {
            var receipt = new Receipt(id, amount, urgent, priority, terms);
            await DoWorkAsync(context.Stub, receipt, context.CancellationToken).ConfigureAwait(false);
            return receipt;
        }

        [Transaction]
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "The router calls transactions on the contract instance.")]
        public Task<Bill> IssueBill(Context context, IssueBillRequest request) => IssueAsync(context.Stub, request, context.CancellationToken);
    }
}
