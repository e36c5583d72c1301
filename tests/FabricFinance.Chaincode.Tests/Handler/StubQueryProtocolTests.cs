using System.Text;
using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;
using ProtoKeyModification = Hyperledger.Fabric.Protos.Ledger.QueryResult.KeyModification;

namespace FabricFinance.Chaincode.Tests.Handler;

/// <summary>
/// Every query kind as the peer sees it: the first request, QUERY_STATE_NEXT while the peer has more,
/// QUERY_STATE_CLOSE when the chaincode stops early, errors, and the paginated variants' metadata.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class StubQueryProtocolTests
{
    /// <summary>One iterator kind: how to open it (records as text), the request it sends, and how the peer pages it.</summary>
    public sealed record IteratorKind(
        Func<IChaincodeStub, CancellationToken, IAsyncEnumerable<string>> Open,
        MessageType Type,
        IMessage Request,
        Func<string, bool, string[], QueryResponse> Page);

    private static readonly Timestamp Time = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    private static async IAsyncEnumerable<string> Keys(IAsyncEnumerable<KeyValue> records)
    {
        await foreach (var record in records.ConfigureAwait(false))
        {
            yield return record.Key + "=" + Encoding.UTF8.GetString(record.Value.Span);
        }
    }

    private static async IAsyncEnumerable<string> Changes(IAsyncEnumerable<KeyModification> changes)
    {
        await foreach (var change in changes.ConfigureAwait(false))
        {
            yield return $"{change.TransactionId}:{Encoding.UTF8.GetString(change.Value.Span)}:{change.IsDelete}:{change.Timestamp:O}";
        }
    }

    private static QueryResponse HistoryPage(string id, bool hasMore, string[] txIds) =>
        Messages.HistoryPage(id, hasMore, txIds.Select(t => new ProtoKeyModification { TxId = t, Value = ByteString.CopyFromUtf8("v-" + t), Timestamp = Time, IsDelete = t.EndsWith('d') }).ToArray());

    public static IEnumerable<TestCaseData> IteratorKinds()
    {
        var partialStart = "\u0000bill\u0000BankA\u0000";
        var partialEnd = partialStart + "\U0010FFFF";
        yield return Kind("Range", (s, ct) => Keys(s.GetStateByRangeAsync("a", "z", ct)), MessageType.GetStateByRange, new GetStateByRange { StartKey = "a", EndKey = "z" });
        yield return Kind("Range_OpenEnds", (s, ct) => Keys(s.GetStateByRangeAsync(string.Empty, string.Empty, ct)), MessageType.GetStateByRange, new GetStateByRange { StartKey = "\u0001", EndKey = string.Empty });
        yield return Kind("PartialCompositeKey", (s, ct) => Keys(s.GetStateByPartialCompositeKeyAsync("bill", ["BankA"], ct)), MessageType.GetStateByRange, new GetStateByRange { StartKey = partialStart, EndKey = partialEnd });
        yield return Kind("RichQuery", (s, ct) => Keys(s.GetQueryResultAsync("""{"selector":{"owner":"BankA"}}""", ct)), MessageType.GetQueryResult, new GetQueryResult { Query = """{"selector":{"owner":"BankA"}}""" });
        yield return new TestCaseData(new IteratorKind((s, ct) => Changes(s.GetHistoryForKeyAsync("bill1", ct)), MessageType.GetHistoryForKey, new GetHistoryForKey { Key = "bill1" }, HistoryPage)).SetArgDisplayNames("History");
        yield return Kind("PrivateRange", (s, ct) => Keys(s.GetPrivateDataByRangeAsync("secrets", "a", "z", ct)), MessageType.GetStateByRange, new GetStateByRange { StartKey = "a", EndKey = "z", Collection = "secrets" });
        yield return Kind("PrivatePartialCompositeKey", (s, ct) => Keys(s.GetPrivateDataByPartialCompositeKeyAsync("secrets", "bill", ["BankA"], ct)), MessageType.GetStateByRange, new GetStateByRange { StartKey = partialStart, EndKey = partialEnd, Collection = "secrets" });
        yield return Kind("PrivateRichQuery", (s, ct) => Keys(s.GetPrivateDataQueryResultAsync("secrets", """{"selector":{}}""", ct)), MessageType.GetQueryResult, new GetQueryResult { Query = """{"selector":{}}""", Collection = "secrets" });

        static TestCaseData Kind(string name, Func<IChaincodeStub, CancellationToken, IAsyncEnumerable<string>> open, MessageType type, IMessage request) =>
            new TestCaseData(new IteratorKind(open, type, request, Messages.StatePage)).SetArgDisplayNames(name);
    }

    private static ChaincodeBehaviour ReadAll(IteratorKind kind) => async (stub, ct) =>
    {
        var records = new List<string>();
        await foreach (var record in kind.Open(stub, ct))
        {
            records.Add(record);
        }

        return ChaincodeResponse.Success(string.Join(",", records));
    };

    private static ChaincodeBehaviour ReadFirst(IteratorKind kind) => async (stub, ct) =>
    {
        await foreach (var record in kind.Open(stub, ct))
        {
            return ChaincodeResponse.Success(record);
        }

        return ChaincodeResponse.Success("none");
    };

    [TestCaseSource(nameof(IteratorKinds))]
    public async Task Query_TwoPages_SendsTheRequestThenQueryStateNextAndNoClose(IteratorKind kind)
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadAll(kind));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "List"));
        var first = await peer.ReceiveAsync(kind.Type);
        await peer.RespondAsync(first, kind.Page("it1", true, ["a1", "a2"]));
        var next = await peer.ReceiveAsync(MessageType.QueryStateNext);
        await peer.RespondAsync(next, kind.Page("it1", false, ["b1d"]));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(kind.Request.Descriptor.Parser.ParseFrom(first.Payload), Is.EqualTo(kind.Request));
        Assert.That(QueryStateNext.Parser.ParseFrom(next.Payload).Id, Is.EqualTo("it1"));
        var records = Messages.ReadResponse(completed).Payload.ToStringUtf8().Split(',');
        Assert.That(records, Has.Length.EqualTo(3));
        Assert.That(records[0], Does.StartWith("a1").And.Contain("v-a1"));
        Assert.That(records[2], Does.StartWith("b1d"));
    }

    [TestCaseSource(nameof(IteratorKinds))]
    public async Task Query_DisposedEarly_ClosesThePeersIterator(IteratorKind kind)
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadFirst(kind));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "First"));
        var first = await peer.ReceiveAsync(kind.Type);
        await peer.RespondAsync(first, kind.Page("it7", true, ["k1", "k2"]));
        var close = await peer.ReceiveAsync(MessageType.QueryStateClose);
        await peer.RespondAsync(close, new QueryResponse { Id = "it7" });
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(QueryStateClose.Parser.ParseFrom(close.Payload).Id, Is.EqualTo("it7"));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Does.StartWith("k1"));
    }

    [TestCaseSource(nameof(IteratorKinds))]
    public async Task Query_DisposedEarlyOnTheLastPage_SendsNoClose(IteratorKind kind)
    {
        // Arrange: the peer already released an iterator whose last page it sent.
        await using var server = await ChaincodeServerHarness.StartAsync(ReadFirst(kind));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "First"));
        var first = await peer.ReceiveAsync(kind.Type);
        await peer.RespondAsync(first, kind.Page("it7", false, ["k1", "k2"]));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Does.StartWith("k1"));
    }

    [TestCaseSource(nameof(IteratorKinds))]
    public async Task Query_PeerRefusesNextPage_FailsWith500WithoutClosing(IteratorKind kind)
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadAll(kind));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "List"));
        var first = await peer.ReceiveAsync(kind.Type);
        await peer.RespondAsync(first, kind.Page("it1", true, ["a1"]));
        var next = await peer.ReceiveAsync(MessageType.QueryStateNext);
        await peer.SendAsync(Messages.Error(next, "query iterator not found"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert: the peer drops an iterator whose request failed, so nothing is left to close.
        var response = Messages.ReadResponse(completed);
        Assert.That((response.Status, response.Message), Is.EqualTo((500, "The peer refused QueryStateNext: query iterator not found")));
    }

    [TestCaseSource(nameof(IteratorKinds))]
    public async Task Query_PeerRefusesTheQuery_FailsWith500(IteratorKind kind)
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadAll(kind));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "List"));
        var first = await peer.ReceiveAsync(kind.Type);
        await peer.SendAsync(Messages.Error(first, "history database is not enabled"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.Contain("history database is not enabled"));
    }

    [Test]
    public async Task History_Records_CarryTransactionValueTimestampAndDelete()
    {
        // Arrange
        var history = IteratorKinds().Select(d => (IteratorKind)d.Arguments[0]!).Single(k => k.Type == MessageType.GetHistoryForKey);
        await using var server = await ChaincodeServerHarness.StartAsync(ReadAll(history));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "History"));
        var first = await peer.ReceiveAsync(MessageType.GetHistoryForKey);
        await peer.RespondAsync(first, HistoryPage("h", false, ["tx9d", "tx5"]));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(
            Messages.ReadResponse(completed).Payload.ToStringUtf8(),
            Is.EqualTo("tx9d:v-tx9d:True:2026-03-04T05:06:07.0000000+00:00,tx5:v-tx5:False:2026-03-04T05:06:07.0000000+00:00"));
    }

    /// <summary>One paginated call: the page as text, the request it must send.</summary>
    public sealed record PagedCall(Func<IChaincodeStub, CancellationToken, Task<QueryPage<KeyValue>>> Call, MessageType Type, IMessage Request);

    public static IEnumerable<TestCaseData> PagedCalls()
    {
        var paging = new QueryMetadata { PageSize = 2, Bookmark = "k2" }.ToByteString();
        var first = new QueryMetadata { PageSize = 2 }.ToByteString();
        var prefix = "\u0000bill\u0000";
        yield return Paged("Range", (s, ct) => s.GetStateByRangeWithPaginationAsync("a", "z", 2, "k2", ct), MessageType.GetStateByRange, new GetStateByRange { StartKey = "a", EndKey = "z", Metadata = paging });
        yield return Paged("Range_FirstPageOpenStart", (s, ct) => s.GetStateByRangeWithPaginationAsync(string.Empty, string.Empty, 2, string.Empty, ct), MessageType.GetStateByRange, new GetStateByRange { StartKey = "\u0001", Metadata = first });
        yield return Paged("PartialCompositeKey", (s, ct) => s.GetStateByPartialCompositeKeyWithPaginationAsync("bill", [], 2, "k2", ct), MessageType.GetStateByRange, new GetStateByRange { StartKey = prefix, EndKey = prefix + "\U0010FFFF", Metadata = paging });
        yield return Paged("RichQuery", (s, ct) => s.GetQueryResultWithPaginationAsync("{}", 2, "k2", ct), MessageType.GetQueryResult, new GetQueryResult { Query = "{}", Metadata = paging });

        static TestCaseData Paged(string name, Func<IChaincodeStub, CancellationToken, Task<QueryPage<KeyValue>>> call, MessageType type, IMessage request) =>
            new TestCaseData(new PagedCall(call, type, request)).SetArgDisplayNames(name);
    }

    private static ChaincodeBehaviour ShowPage(PagedCall call) => async (stub, ct) =>
    {
        var page = await call.Call(stub, ct);
        return ChaincodeResponse.Success($"{string.Join(",", page.Records.Select(r => r.Key))}|{page.FetchedRecordsCount}|{page.Bookmark}");
    };

    [TestCaseSource(nameof(PagedCalls))]
    public async Task PaginatedQuery_PeerAnswersAPage_SendsPagingMetadataAndReturnsRecordsCountAndBookmark(PagedCall call)
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ShowPage(call));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Page"));
        var request = await peer.ReceiveAsync(call.Type);
        await peer.RespondAsync(request, Messages.PaginatedPage(2, "k4", "k2", "k3"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(call.Request.Descriptor.Parser.ParseFrom(request.Payload), Is.EqualTo(call.Request));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("k2,k3|2|k4"));
    }

    [TestCaseSource(nameof(PagedCalls))]
    public async Task PaginatedQuery_PeerRefuses_FailsWith500(PagedCall call)
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ShowPage(call));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Page"));
        var request = await peer.ReceiveAsync(call.Type);
        await peer.SendAsync(Messages.Error(request, "bad bookmark"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.Contain("bad bookmark"));
    }

    [Test]
    public async Task PaginatedQuery_NoMetadataInTheAnswer_ReportsZeroAndEmptyBookmark()
    {
        // Arrange
        var call = PagedCalls().Select(d => (PagedCall)d.Arguments[0]!).First();
        await using var server = await ChaincodeServerHarness.StartAsync(ShowPage(call));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Page"));
        var request = await peer.ReceiveAsync(call.Type);
        await peer.RespondAsync(request, Messages.StatePage("p", false, "k2"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("k2|0|"));
    }

    [Test]
    public async Task Query_MalformedRecord_FailsWith500NamingTheQuery()
    {
        // Arrange
        var range = IteratorKinds().Select(d => (IteratorKind)d.Arguments[0]!).First();
        await using var server = await ChaincodeServerHarness.StartAsync(ReadAll(range));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        var page = new QueryResponse { Id = "x" };
        page.Results.Add(new QueryResultBytes { ResultBytes = ByteString.CopyFrom(0xFF, 0xFF) });

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "List"));
        var request = await peer.ReceiveAsync(MessageType.GetStateByRange);
        await peer.RespondAsync(request, page);
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.Contain("GetStateByRange").And.Contain("KV"));
    }
}
