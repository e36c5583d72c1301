using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FabricFinance.Bills;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Benchmarks.Bills;

/// <summary>
/// The bill records' JSON, the work of every bill transaction on both sides: a bill after acceptance and one
/// endorsement (a trail of two transfers) and a settled deal, written and read with the chaincode router's options
/// (<see cref="JsonTransactionSerializer.Default"/>: results, state and events) and with the model's
/// (<see cref="BillJson.Options"/>: what the typed client reads).
/// </summary>
[MemoryDiagnoser]
public class BillJsonBenchmarks
{
    private static readonly Bill Bill = new(
        "rtp5eswp12w3n45", BillKind.Bank, "CoreCorp", "SupplierA", "BankA", 10_000_000, "CNY", new DateOnly(2026, 1, 5), new DateOnly(2026, 4, 5), true,
        "SupplierB", BillStatus.Active, [1, 10_000_000], null,
        [
            new Transfer(TransferType.Accept, "CoreCorp", "SupplierA", 10_000_000, new DateOnly(2026, 1, 5), "3f2a9c1e0b7d4a5f8e6c2b1a09d8e7f6c5b4a39281706f5e4d3c2b1a0f9e8d7c"),
            new Transfer(TransferType.Endorse, "SupplierA", "SupplierB", 10_000_000, new DateOnly(2026, 1, 5), "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d"),
        ],
        3, new DateOnly(2026, 1, 5), null, null, null, null);

    private static readonly Deal Deal = new(
        "D1", DealKind.Discount, "B1.2", "SupplierA", "BankA", 6_000_000, DealStatus.Settled, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3),
        new DateOnly(2026, 3, 3), "5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b", 3, new DateOnly(2026, 3, 3), null);

    private JsonSerializerOptions _options = null!;
    private byte[] _billJson = [];
    private byte[] _dealJson = [];

    /// <summary>Gets or sets whose options: the chaincode router's, or the bill model's.</summary>
    [Params("JsonTransactionSerializer", "BillJson")]
    public string Options { get; set; } = "BillJson";

    [GlobalSetup]
    public void Setup()
    {
        _options = Options == "BillJson" ? BillJson.Options : JsonTransactionSerializer.Default.Options;
        _billJson = JsonSerializer.SerializeToUtf8Bytes(Bill, _options);
        _dealJson = JsonSerializer.SerializeToUtf8Bytes(Deal, _options);
    }

    [Benchmark]
    public byte[] SerializeBill() => JsonSerializer.SerializeToUtf8Bytes(Bill, _options);

    [Benchmark]
    public Bill? DeserializeBill() => JsonSerializer.Deserialize<Bill>(_billJson, _options);

    [Benchmark]
    public byte[] SerializeDeal() => JsonSerializer.SerializeToUtf8Bytes(Deal, _options);

    [Benchmark]
    public Deal? DeserializeDeal() => JsonSerializer.Deserialize<Deal>(_dealJson, _options);
}
