using System.Globalization;
using FabricFinance.Chaincode.Testing.Internal;
using FabricFinance.Chaincode.Testing.Tests.Infrastructure;
using static FabricFinance.Chaincode.Testing.Tests.Infrastructure.Ledgers;

namespace FabricFinance.Chaincode.Testing.Tests;

[TestFixture]
public sealed class InMemoryStubQueryTests
{
    [Test]
    public void KeyComparer_SupplementaryCharacters_SortAfterBmpAsUtf8Does()
    {
        // Arrange
        string[] keys = ["\U00010000", "\uFFFF", "z", "\uE000", "\u00e9", "a"];

        // Act
        var sorted = keys.Order(KeyComparer.Instance).ToArray();

        // Assert
        Assert.That(sorted, Is.EqualTo(new[] { "a", "z", "\u00e9", "\uE000", "\uFFFF", "\U00010000" }));
        Assert.That(keys.Order(StringComparer.Ordinal).ToArray(), Is.Not.EqualTo(sorted), "ordinal UTF-16 order differs");
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task GetStateByRangeAsync_OpenStart_SkipsCompositeKeysAndEndIsExclusive()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        await ledger.RunAsync(async s =>
        {
            foreach (var key in new[] { "a", "b", "c", CompositeKey.Create("t", "1") })
            {
                await s.PutStateAsync(key, Bytes("v"));
            }
        });
        List<string> open = [], bounded = [];

        // Act
        await ledger.RunAsync(async s =>
        {
            open = await s.GetStateByRangeAsync(string.Empty, string.Empty).KeysAsync();
            bounded = await s.GetStateByRangeAsync("a", "c").KeysAsync();
        });

        // Assert
        Assert.That(open, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(bounded, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void GetStateByRangeAsync_CompositeStartKey_ThrowsEagerly()
    {
        // Arrange
        var stub = new InMemoryLedger().NewTransaction("cc", Alice, "fn", []).Stub;

        // Act / Assert
        Assert.That(() => stub.GetStateByRangeAsync("\u0000x", string.Empty), Throws.ArgumentException.With.Message.Contains("U+0000"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task GetStateByRangeAsync_TotalQueryLimit_TruncatesSilently()
    {
        // Arrange
        var ledger = new InMemoryLedger(new InMemoryLedgerOptions { TotalQueryLimit = 7 });
        await ledger.RunAsync(async s =>
        {
            for (var i = 0; i < 10; i++)
            {
                await s.PutStateAsync("k" + i, Bytes("v"));
            }
        });
        List<string> keys = [];

        // Act
        await ledger.RunAsync(async s => keys = await s.GetStateByRangeAsync("k", "l").KeysAsync());

        // Assert
        Assert.That(keys, Has.Count.EqualTo(7));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task GetStateByRangeWithPaginationAsync_Bookmarks_AreTheNextKey()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        await ledger.RunAsync(async s =>
        {
            for (var i = 0; i < 5; i++)
            {
                await s.PutStateAsync("k" + i, Bytes("v"));
            }
        });
        var pages = new List<QueryPage<KeyValue>>();

        // Act
        await ledger.RunAsync(async s =>
        {
            var bookmark = string.Empty;
            do
            {
                var page = await s.GetStateByRangeWithPaginationAsync("k", "l", 2, bookmark);
                pages.Add(page);
                bookmark = page.Bookmark;
            }
            while (bookmark.Length > 0);
        });

        // Assert
        Assert.That(pages.Select(p => (string.Join(",", p.Records.Select(r => r.Key)), p.FetchedRecordsCount, p.Bookmark)), Is.EqualTo(new[]
        {
            ("k0,k1", 2, "k2"),
            ("k2,k3", 2, "k4"),
            ("k4", 1, string.Empty),
        }));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Pagination_MixedWithWrites_RefusedBothWays()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        Exception? writeAfterPage = null;
        Exception? pageAfterWrite = null;

        // Act
        await ledger.SimulateAsync(async s =>
        {
            await s.GetStateByRangeWithPaginationAsync("a", "b", 1, string.Empty);
            writeAfterPage = Assert.CatchAsync(() => s.PutStateAsync("k", Bytes("v")));
        });
        await ledger.SimulateAsync(async s =>
        {
            await s.PutStateAsync("k", Bytes("v"));
            pageAfterWrite = Assert.CatchAsync(() => s.GetStateByPartialCompositeKeyWithPaginationAsync("t", [], 1, string.Empty));
        });

        // Assert
        Assert.That(writeAfterPage, Is.TypeOf<ChaincodeException>().With.Message.Contains("Transaction has already performed a paginated query. Writes are not allowed"));
        Assert.That(pageAfterWrite, Is.TypeOf<ChaincodeException>().With.Message.StartsWith("The peer refused GetStateByRange: GET_STATE_BY_RANGE failed").And.Message.Contains("Paginated queries are supported only in a read-only transaction"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task GetStateByPartialCompositeKeyAsync_Attributes_MatchOnlyThePrefix()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        await ledger.RunAsync(async s =>
        {
            await s.PutStateAsync(CompositeKey.Create("owner", "alice", "1"), Bytes("v"));
            await s.PutStateAsync(CompositeKey.Create("owner", "alice", "2"), Bytes("v"));
            await s.PutStateAsync(CompositeKey.Create("owner", "alicia", "1"), Bytes("v"));
            await s.PutStateAsync(CompositeKey.Create("ownerX", "alice", "1"), Bytes("v"));
        });
        List<string> keys = [];

        // Act
        await ledger.RunAsync(async s => keys = await s.GetStateByPartialCompositeKeyAsync("owner", ["alice"]).KeysAsync());

        // Assert
        Assert.That(keys.Select(k => string.Join("/", CompositeKey.Split(k).Attributes)), Is.EqualTo(new[] { "alice/1", "alice/2" }));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task GetQueryResultAsync_LevelDb_RefusedOnFirstRecord()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        Exception? error = null;

        // Act
        var transaction = await ledger.SimulateAsync(async s =>
        {
            var query = s.GetQueryResultAsync("{}");
            error = Assert.CatchAsync(async () => await query.KeysAsync());
        });

        // Assert
        Assert.That(error, Is.TypeOf<ChaincodeException>().With.Message.EqualTo(
            $"The peer refused GetQueryResult: GET_QUERY_RESULT failed: transaction ID: {transaction.TransactionId}: ExecuteQuery not supported for leveldb"));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task GetStateByRangeAsync_EnumeratedLazily_NothingReadUntilAsked()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        await ledger.RunAsync(s => s.PutStateAsync("k", Bytes("v")));
        var reader = await ledger.SimulateAsync(async s =>
        {
            _ = s.GetStateByRangeAsync("a", "z"); // never enumerated: the shim sends nothing
            await s.PutStateAsync("out", Bytes("x"));
        });
        await ledger.RunAsync(s => s.PutStateAsync("m", Bytes("new")));

        // Act
        var result = ledger.Commit(reader);

        // Assert
        Assert.That(result.ValidationCode, Is.EqualTo(ValidationCode.Valid));
    }

    [TestCase(5, "k0150", ValidationCode.Valid, TestName = "RangeStoppedEarly_InsertAfterFetchedBatch_Valid")]
    [TestCase(5, "k0100a", ValidationCode.Valid, TestName = "RangeStoppedEarly_InsertRightAfterLastFetched_Valid")]
    [TestCase(5, "k0099a", ValidationCode.PhantomReadConflict, TestName = "RangeStoppedEarly_InsertBeforeLastFetched_Phantom")]
    [TestCase(100, "k0150a", ValidationCode.Valid, TestName = "RangeStoppedAt100_OnlyFirstBatchFetched_Valid")]
    [TestCase(101, "k0180a", ValidationCode.PhantomReadConflict, TestName = "RangeStoppedAt101_SecondBatchFetched_Phantom")]
    [TestCase(101, "k0200a", ValidationCode.Valid, TestName = "RangeStoppedAt101_InsertAfterSecondFetch_Valid")]
    [CancelAfter(5_000)]
    public async Task RangeStoppedEarly_PeerBatches_DecideWhatIsChecked(int stopAfter, string inserted, ValidationCode expected)
    {
        // Arrange
        var ledger = new InMemoryLedger();
        await ledger.RunAsync(async s =>
        {
            for (var i = 0; i < 250; i++)
            {
                await s.PutStateAsync("k" + i.ToString("D4", CultureInfo.InvariantCulture), Bytes("v"));
            }
        });
        var reader = await ledger.SimulateAsync(async s =>
        {
            var seen = 0;
            await foreach (var kv in s.GetStateByRangeAsync("k", "l"))
            {
                if (++seen >= stopAfter)
                {
                    break;
                }
            }

            await s.PutStateAsync("out", Bytes("x"));
        });
        await ledger.RunAsync(s => s.PutStateAsync(inserted, Bytes("new")));

        // Act
        var result = ledger.Commit(reader);

        // Assert
        Assert.That(result.ValidationCode, Is.EqualTo(expected));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task RangeQuery_KeyDeletedInRange_Phantom()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        await ledger.RunAsync(async s =>
        {
            await s.PutStateAsync("a1", Bytes("v"));
            await s.PutStateAsync("a2", Bytes("v"));
        });
        var reader = await ledger.SimulateAsync(async s =>
        {
            _ = await s.GetStateByRangeAsync("a", "b").KeysAsync();
            await s.PutStateAsync("out", Bytes("x"));
        });
        await ledger.RunAsync(s => s.DeleteStateAsync("a2"));

        // Act
        var result = ledger.Commit(reader);

        // Assert
        Assert.That(result.ValidationCode, Is.EqualTo(ValidationCode.PhantomReadConflict));
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task Mvcc_ReadMissingKeyThenCreated_Conflict()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var reader = await ledger.SimulateAsync(async s =>
        {
            _ = await s.GetStateAsync("k");
            await s.PutStateAsync("out", Bytes("x"));
        });
        var writer = await ledger.SimulateAsync(s => s.PutStateAsync("k", Bytes("v")));

        // Act
        var results = ledger.CommitBlock([writer, reader]);

        // Assert
        Assert.That(results.Select(r => (r.ValidationCode, r.TransactionNumber)), Is.EqualTo(new[] { (ValidationCode.Valid, 0), (ValidationCode.MvccReadConflict, 1) }));
        Assert.That(results.Select(r => r.BlockNumber).Distinct(), Has.Exactly(1).Items);
    }

    [Test]
    [CancelAfter(5_000)]
    public async Task BlindWrites_SameKeyInOneBlock_BothValidLastWins()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var cc = ledger.Deploy("cc", new DelegateChaincode(_ => Task.FromResult(ChaincodeResponse.Success())));
        var first = await ledger.SimulateAsync(s => s.PutStateAsync("k", Bytes("1")));
        var second = await ledger.SimulateAsync(s => s.PutStateAsync("k", Bytes("2")));

        // Act
        var results = ledger.CommitBlock([first, second]);

        // Assert
        Assert.That(results.All(r => r.IsValid), Is.True, "writes without reads never conflict");
        Assert.That(Text(cc.GetState("k")), Is.EqualTo("2"));
    }
}
