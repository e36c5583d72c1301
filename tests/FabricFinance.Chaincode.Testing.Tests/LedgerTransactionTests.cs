using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Testing.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static FabricFinance.Chaincode.Testing.Tests.Infrastructure.Ledgers;

namespace FabricFinance.Chaincode.Testing.Tests;

[TestFixture]
public sealed class LedgerTransactionTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task ReadKeysAndWrites_AfterInvoke_DescribeTheReadWriteSet()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", DelegateChaincode.Of(async s =>
        {
            _ = await s.GetStateAsync("a");
            await s.PutStateAsync("b", Bytes("1"));
            await s.DeleteStateAsync("c");
            await s.PutStateAsync("b", Bytes("2"));
        }));
        var transaction = cc.NewTransaction(Alice, "fn", []);

        // Act
        await transaction.InvokeAsync();

        // Assert
        Assert.That(transaction.ReadKeys, Is.EqualTo(new[] { "a" }));
        Assert.That(transaction.Writes.Select(w => (w.Key, Text(w.Value))), Is.EqualTo(new[] { ("b", "2"), ("c", (string?)null) }));
        Assert.That(transaction.HasWrites, Is.True);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task TimeProvider_Fake_StampsTransactionsAndHistory()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2032, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var ledger = new InMemoryLedger(new InMemoryLedgerOptions { TimeProvider = clock });
        var cc = ledger.Deploy("cc", DelegateChaincode.Of(s => s.PutStateAsync("k", Bytes(s.TransactionTimestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        // Act
        await cc.SubmitAsync(Alice, "fn", []);
        clock.Advance(TimeSpan.FromHours(1));
        await cc.SubmitAsync(Alice, "fn", []);

        // Assert
        Assert.That(cc.GetHistoryForKey("k").Select(h => h.Timestamp), Is.EqualTo(new[] { clock.GetUtcNow(), clock.GetUtcNow().AddHours(-1) }));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task ReadJson_ContractResult_UsesTheContractSerializer()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", ContractRouter.Create([new EchoContract()]));

        // Act
        var result = await cc.EvaluateAsync(Alice, "Echo", ["bill-1", "42"]);

        // Assert
        Assert.That(result.ReadJson<EchoContract.Item>(), Is.EqualTo(new EchoContract.Item("bill-1", 42)));
    }

    [Test]
    public void NewTransaction_InvalidInputs_Throw()
    {
        // Arrange
        var ledger = new InMemoryLedger();

        // Act / Assert
        Assert.That(() => ledger.NewTransaction("bad/name", Alice, "fn", []), Throws.ArgumentException);
        Assert.That(() => ledger.NewTransaction("cc", null!, "fn", []), Throws.ArgumentNullException);
        Assert.That(() => new InMemoryLedgerOptions { TotalQueryLimit = 0 }, Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => ledger.GetChaincode("missing"), Throws.TypeOf<KeyNotFoundException>());
        Assert.That(() => ledger.NewTransaction("cc", Alice, "fn", []).InvokeAsync(), Throws.InvalidOperationException.With.Message.Contains("deploy it first"));
    }

    [Contract(Name = "echo")]
    public sealed class EchoContract : ContractBase
    {
        [Transaction(Evaluate = true)]
#pragma warning disable CA1822 // transactions are instance methods of the contract
        public Item Echo(string id, int amount) => new(id, amount);
#pragma warning restore CA1822

        public sealed record Item(string Id, int Amount);
    }
}
