using FabricFinance.Chaincode.Testing.Tests.Infrastructure;
using static FabricFinance.Chaincode.Testing.Tests.Infrastructure.Ledgers;

namespace FabricFinance.Chaincode.Testing.Tests;

[TestFixture]
public sealed class InMemoryStubStateTests
{
    [Test]
    [CancelAfter(5_000)]
    public async Task GetStateAsync_AfterOwnPut_SeesCommittedValueOnly()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("old")));
        byte[]? seen = null;

        // Act
        var result = await ledger.RunAsync(async s =>
        {
            await s.PutStateAsync("k", Bytes("new"));
            seen = await s.GetStateAsync("k");
        });

        // Assert
        Assert.That(Text(seen), Is.EqualTo("old"));
        Assert.That(result.IsValid, Is.True);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Commit_PutThenDeleteInOneTransaction_LastWriteWins()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", DelegateChaincode.Of(async s =>
        {
            await s.PutStateAsync("k", Bytes("v"));
            await s.DeleteStateAsync("k");
        }));

        // Act
        await cc.SubmitAsync(Alice, "fn", []);

        // Assert
        Assert.That(cc.GetState("k"), Is.Null);
        Assert.That(cc.GetHistoryForKey("k").Select(h => h.IsDelete), Is.EqualTo(new[] { true }));
    }

    [Test]
    public void PutStateAsync_EmptyValue_ThrowsNamingDelete()
    {
        // Arrange
        var stub = new InMemoryLedger().NewTransaction("cc", Alice, "fn", []).Stub;

        // Act / Assert
        Assert.That(() => stub.PutStateAsync("k", ReadOnlyMemory<byte>.Empty), Throws.ArgumentException.With.Message.Contains("DeleteStateAsync"));
        Assert.That(() => stub.GetStateAsync(string.Empty), Throws.ArgumentException);
        Assert.That(() => stub.GetStateAsync("\ud800"), Throws.ArgumentException.With.Message.Contains("lone surrogate"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task GetMultipleStatesAsync_MixedKeys_ValuesInRequestOrder()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        await ledger.RunAsync(async s =>
        {
            await s.PutStateAsync("a", Bytes("1"));
            await s.PutStateAsync("c", Bytes("3"));
        });
        IReadOnlyList<byte[]?> values = [];

        // Act
        await ledger.RunAsync(async s => values = await s.GetMultipleStatesAsync(["c", "b", "a"]));

        // Assert
        Assert.That(values.Select(Text), Is.EqualTo(new[] { "3", null, "1" }));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task GetHistoryForKeyAsync_UpdatesAndDelete_NewestFirstWithTimestamps()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var t0 = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var ids = new List<string>();
        foreach (var (i, body) in new (int, Func<IChaincodeStub, Task>)[]
        {
            (0, s => s.PutStateAsync("k", Bytes("v1"))),
            (1, s => s.DeleteStateAsync("k")),
            (2, s => s.PutStateAsync("k", Bytes("v2"))),
        })
        {
            ids.Add((await ledger.RunAsync(body, new TransactionOptions { Timestamp = t0.AddMinutes(i) })).TransactionId);
        }

        var history = new List<KeyModification>();

        // Act
        await ledger.RunAsync(async s =>
        {
            await foreach (var change in s.GetHistoryForKeyAsync("k"))
            {
                history.Add(change);
            }
        });

        // Assert
        Assert.That(history.Select(h => (h.TransactionId, Text(h.Value.ToArray()), h.IsDelete, h.Timestamp)), Is.EqualTo(new[]
        {
            (ids[2], "v2", false, t0.AddMinutes(2)),
            (ids[1], string.Empty, true, t0.AddMinutes(1)),
            (ids[0], "v1", false, t0),
        }));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task ValidationParameter_SetThenValueWrite_PolicyKeptUntilDelete()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", new DelegateChaincode(_ => Task.FromResult(ChaincodeResponse.Success())));
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Member, "Org2MSP");
        await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("v")));

        // Act
        await ledger.RunAsync(s => s.SetStateValidationParameterAsync("k", policy.GetPolicy()));
        var afterSet = cc.GetStateValidationParameter("k");
        await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("v2")));
        var afterValueWrite = cc.GetStateValidationParameter("k");
        await ledger.RunAsync(s => s.DeleteStateAsync("k"));
        await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("v3")));
        var afterRecreate = cc.GetStateValidationParameter("k");

        // Assert
        Assert.That(afterSet, Is.EqualTo(policy.GetPolicy()));
        Assert.That(afterValueWrite, Is.EqualTo(policy.GetPolicy()), "a value write keeps the key's metadata");
        Assert.That(afterRecreate, Is.Null, "a delete removes the metadata with the key");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task SetStateValidationParameterAsync_MissingKey_Dropped()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", new DelegateChaincode(_ => Task.FromResult(ChaincodeResponse.Success())));
        var policy = new KeyEndorsementPolicy();
        policy.AddOrgs(EndorsementRole.Member, "Org2MSP");

        // Act
        var result = await ledger.RunAsync(s => s.SetStateValidationParameterAsync("missing", policy.GetPolicy()));

        // Assert
        Assert.That(result.IsValid, Is.True);
        Assert.That(cc.GetState("missing"), Is.Null);
        Assert.That(cc.GetStateValidationParameter("missing"), Is.Null);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Stub_AfterCommit_RefusesLedgerCalls()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var transaction = ledger.NewTransaction("cc", Alice, "fn", []);
        ledger.Commit(transaction);

        // Act / Assert
        Assert.That(() => transaction.Stub.GetStateAsync("k"), Throws.TypeOf<ChaincodeException>().With.Message.Contains("has completed"));
        await Task.CompletedTask;
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Events_SetTwice_LastWinsAndOnlyValidTransactionsPublish()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", new DelegateChaincode(async s =>
        {
            _ = await s.GetStateAsync("counter");
            await s.PutStateAsync("counter", Bytes("x"));
            s.SetEvent("first", Bytes("1"));
            s.SetEvent("second", Bytes("2"));
            return ChaincodeResponse.Success();
        }));
        var a = cc.NewTransaction(Alice, "fn", []);
        var b = cc.NewTransaction(Alice, "fn", []);
        await a.InvokeAsync();
        await b.InvokeAsync();

        // Act
        var results = ledger.CommitBlock([a, b]);

        // Assert
        Assert.That(results.Select(r => r.ValidationCode), Is.EqualTo(new[] { ValidationCode.Valid, ValidationCode.MvccReadConflict }));
        Assert.That(ledger.Events.Select(e => (e.TransactionId, e.Event.Name, e.Event.PayloadText)), Is.EqualTo(new[] { (a.TransactionId, "second", "2") }));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task SubmitAsync_ErrorResponse_NothingCommitted()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", new DelegateChaincode(async s =>
        {
            await s.PutStateAsync("k", Bytes("v"));
            return ChaincodeResponse.Failure("NOT_ALLOWED: no");
        }));
        var height = ledger.Height;

        // Act
        var result = await cc.SubmitAsync(Alice, "fn", []);

        // Assert
        Assert.That((result.Status, result.Message, result.Commit, result.IsSuccess), Is.EqualTo((500, "NOT_ALLOWED: no", (CommitResult?)null, false)));
        Assert.That(cc.GetState("k"), Is.Null);
        Assert.That(ledger.Height, Is.EqualTo(height));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task InvokeAsync_ChaincodeThrows_Status500WithMessage()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", new DelegateChaincode(_ => throw new InvalidOperationException("broken")));
        var transaction = cc.NewTransaction(Alice, "fn", []);

        // Act
        var response = await transaction.InvokeAsync();

        // Assert
        Assert.That((response.Status, response.Message), Is.EqualTo((500, "broken")));
        Assert.That(() => ledger.Commit(transaction), Throws.InvalidOperationException.With.Message.Contains("do not endorse"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Commit_SameTransactionTwice_Throws()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var transaction = await ledger.SimulateAsync(s => s.PutStateAsync("k", Bytes("v")));
        ledger.Commit(transaction);

        // Act / Assert
        Assert.That(() => ledger.Commit(transaction), Throws.InvalidOperationException.With.Message.Contains("already committed"));
        Assert.That(() => new InMemoryLedger().Commit(ledger.NewTransaction("cc", Alice, "fn", [])), Throws.InvalidOperationException.With.Message.Contains("belongs to"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Commit_DuplicateTransactionId_SecondIsDuplicate()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var options = new TransactionOptions { TransactionId = "same" };

        // Act
        var first = await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("1")), options);
        var second = await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("2")), options);

        // Assert
        Assert.That((first.ValidationCode, second.ValidationCode), Is.EqualTo((ValidationCode.Valid, ValidationCode.DuplicateTransactionId)));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task EvaluateAsync_Writes_NothingCommitted()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", DelegateChaincode.Of(s => s.PutStateAsync("k", Bytes("v"))));

        // Act
        var result = await cc.EvaluateAsync(Alice, "fn", []);

        // Assert
        Assert.That((result.IsSuccess, result.Commit), Is.EqualTo((true, (CommitResult?)null)));
        Assert.That(cc.GetState("k"), Is.Null);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task PutState_Seed_CommittedAsOwnBlock()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", new DelegateChaincode(async s => ChaincodeResponse.Success((await s.GetStateAsync("k"))!)));

        // Act
        var seeded = cc.PutState("k", Bytes("seeded"));
        var read = await cc.EvaluateAsync(Alice, "fn", []);

        // Assert
        Assert.That((seeded.IsValid, seeded.BlockNumber), Is.EqualTo((true, 1UL)));
        Assert.That(read.PayloadText, Is.EqualTo("seeded"));
        Assert.That(ledger.Height, Is.EqualTo(2UL));
    }
}
