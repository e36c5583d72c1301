using System.Text;
using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Ledger.QueryResult;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Handler;

/// <summary>
/// The handler as a peer sees it: a scripted peer drives the real chaincode server over a real
/// in-process gRPC stream on loopback.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class ChaincodeHandlerProtocolTests
{
    private static Task<ChaincodeResponse> ReadThenWrite(IChaincodeStub stub, CancellationToken ct) => ReadThenWriteAsync(stub, ct);

    private static async Task<ChaincodeResponse> ReadThenWriteAsync(IChaincodeStub stub, CancellationToken ct)
    {
        var key = stub.Parameters[0];
        var value = await stub.GetStateAsync(key, ct).ConfigureAwait(false);
        await stub.PutStateAsync(key + "-copy", value ?? "none"u8.ToArray(), ct).ConfigureAwait(false);
        stub.SetEvent("Copied", Encoding.UTF8.GetBytes(key));
        return ChaincodeResponse.Success(value ?? []);
    }

    [Test]
    public async Task Connect_AnyPeer_SendsRegisterWithTheChaincodeId()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadThenWrite);
        await using var peer = await server.ConnectAsync();

        // Act
        var register = await peer.ReceiveAsync();

        // Assert
        Assert.That(register.Type, Is.EqualTo(MessageType.Register));
        Assert.That(ChaincodeID.Parser.ParseFrom(register.Payload).Name, Is.EqualTo(ChaincodeServerHarness.ChaincodeId));
    }

    [Test]
    public async Task Transaction_AfterHandshake_ReadsWritesAndCompletesWithResponseAndEvent()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadThenWrite);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Copy", "k1"));
        var get = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Response(get, ByteString.CopyFromUtf8("v1")));
        var put = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Response(put, ByteString.Empty));
        var completed = await peer.ReceiveAsync();

        // Assert
        Assert.That(get.Type, Is.EqualTo(MessageType.GetState));
        Assert.That(GetState.Parser.ParseFrom(get.Payload).Key, Is.EqualTo("k1"));
        Assert.That((get.Txid, get.ChannelId), Is.EqualTo(("tx1", Messages.Channel)));
        Assert.That(put.Type, Is.EqualTo(MessageType.PutState));
        var putState = PutState.Parser.ParseFrom(put.Payload);
        Assert.That((putState.Key, putState.Value.ToStringUtf8()), Is.EqualTo(("k1-copy", "v1")));
        Assert.That(completed.Type, Is.EqualTo(MessageType.Completed));
        Assert.That((completed.Txid, completed.ChannelId), Is.EqualTo(("tx1", Messages.Channel)));
        var response = Messages.ReadResponse(completed);
        Assert.That((response.Status, response.Payload.ToStringUtf8()), Is.EqualTo((200, "v1")));
        Assert.That(completed.ChaincodeEvent.EventName, Is.EqualTo("Copied"));
        Assert.That(completed.ChaincodeEvent.Payload.ToStringUtf8(), Is.EqualTo("k1"));
    }

    [Test]
    public async Task Transactions_ManyInFlight_RepliesAreMatchedByTransactionId()
    {
        // Arrange
        const int count = 32;
        await using var server = await ChaincodeServerHarness.StartAsync(ReadThenWrite);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act: start every transaction, then answer their reads in reverse order.
        for (var i = 0; i < count; i++)
        {
            await peer.SendAsync(Messages.Transaction($"tx{i}", "Copy", $"key{i}"));
        }

        var reads = new List<ChaincodeMessage>();
        for (var i = 0; i < count; i++)
        {
            reads.Add(await peer.ReceiveAsync());
        }

        foreach (var read in Enumerable.Reverse(reads))
        {
            await peer.SendAsync(Messages.Response(read, ByteString.CopyFromUtf8("value-of-" + read.Txid)));
        }

        var completions = new Dictionary<string, ChaincodeMessage>();
        while (completions.Count < count)
        {
            var message = await peer.ReceiveAsync();
            if (message.Type == MessageType.PutState)
            {
                await peer.SendAsync(Messages.Response(message, ByteString.Empty));
            }
            else
            {
                completions.Add(message.Txid, message);
            }
        }

        // Assert
        Assert.That(reads.Select(r => r.Type), Is.All.EqualTo(MessageType.GetState));
        Assert.That(reads.Select(r => r.Txid), Is.Unique);
        foreach (var (txId, completed) in completions)
        {
            Assert.That(completed.Type, Is.EqualTo(MessageType.Completed), txId);
            Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("value-of-" + txId));
        }
    }

    [Test]
    public async Task Transactions_SameIdOnTwoChannels_AreKeptApart()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadThenWrite);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        var none = new Dictionary<string, string>();

        // Act
        await peer.SendAsync(Messages.Transaction("same", "alpha", none, "Copy", "a"));
        await peer.SendAsync(Messages.Transaction("same", "beta", none, "Copy", "b"));
        var first = await peer.ReceiveAsync();
        var second = await peer.ReceiveAsync();
        var byChannel = new[] { first, second }.ToDictionary(m => m.ChannelId);
        await peer.SendAsync(Messages.Response(byChannel["beta"], ByteString.CopyFromUtf8("from-beta")));
        await peer.SendAsync(Messages.Response(byChannel["alpha"], ByteString.CopyFromUtf8("from-alpha")));
        var results = new Dictionary<string, string>();
        while (results.Count < 2)
        {
            var message = await peer.ReceiveAsync();
            if (message.Type == MessageType.PutState)
            {
                await peer.SendAsync(Messages.Response(message, ByteString.Empty));
            }
            else
            {
                results.Add(message.ChannelId, Messages.ReadResponse(message).Payload.ToStringUtf8());
            }
        }

        // Assert
        Assert.That(results["alpha"], Is.EqualTo("from-alpha"));
        Assert.That(results["beta"], Is.EqualTo("from-beta"));
    }

    [Test]
    public async Task Transaction_PeerRefusesGetState_ChaincodeSeesChaincodeExceptionAndFailsWith500()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadThenWrite);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Copy", "k1"));
        var get = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Error(get, "ledger is closed"));
        var completed = await peer.ReceiveAsync();

        // Assert
        Assert.That(completed.Type, Is.EqualTo(MessageType.Completed));
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.Contain("ledger is closed"));
    }

    [Test]
    public async Task Transaction_ChaincodeThrows_CompletesWith500CarryingTheMessage()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync((_, _) => throw new InvalidOperationException("boom"));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Anything"));
        var completed = await peer.ReceiveAsync();

        // Assert
        Assert.That(completed.Type, Is.EqualTo(MessageType.Completed));
        var response = Messages.ReadResponse(completed);
        Assert.That((response.Status, response.Message), Is.EqualTo((500, "boom")));
        Assert.That(completed.ChaincodeEvent, Is.Null);
    }

    [Test]
    public async Task Transaction_MalformedInput_IsAnsweredWithError()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadThenWrite);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        var bad = Messages.Transaction("tx1", "Copy", "k");
        bad.Payload = ByteString.CopyFrom(0xFF, 0xFF, 0xFF);

        // Act
        await peer.SendAsync(bad);
        var reply = await peer.ReceiveAsync();

        // Assert
        Assert.That(reply.Type, Is.EqualTo(MessageType.Error));
        Assert.That(reply.Txid, Is.EqualTo("tx1"));
        Assert.That(reply.Payload.ToStringUtf8(), Does.Contain("malformed"));
    }

    [Test]
    public async Task Transaction_IdAlreadyRunning_SecondIsAnsweredWithError()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadThenWrite);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        await peer.SendAsync(Messages.Transaction("tx1", "Copy", "k"));
        var get = await peer.ReceiveAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Copy", "k"));
        var duplicate = await peer.ReceiveAsync();

        // Assert
        Assert.That(get.Type, Is.EqualTo(MessageType.GetState));
        Assert.That(duplicate.Type, Is.EqualTo(MessageType.Error));
        Assert.That(duplicate.Payload.ToStringUtf8(), Does.Contain("already running"));
    }

    [Test]
    public async Task Init_AfterHandshake_RunsTheChaincodeAndCompletes()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync((stub, _) => Task.FromResult(ChaincodeResponse.Success("init:" + stub.FunctionName)));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        var init = Messages.Transaction("tx1", "InitLedger");
        init.Type = MessageType.Init;

        // Act
        await peer.SendAsync(init);
        var completed = await peer.ReceiveAsync();

        // Assert
        Assert.That(completed.Type, Is.EqualTo(MessageType.Completed));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("init:InitLedger"));
    }

    [Test]
    public async Task RangeQuery_ManyPages_FollowsHasMoreAndDoesNotCloseAnExhaustedIterator()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) =>
        {
            var keys = new List<string>();
            await foreach (var kv in stub.GetStateByRangeAsync("a", "z", ct))
            {
                keys.Add(kv.Key + "=" + Encoding.UTF8.GetString(kv.Value.Span));
            }

            return ChaincodeResponse.Success(string.Join(",", keys));
        });
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "List"));
        var range = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Response(range, Page("it1", hasMore: true, "a1", "a2")));
        var next = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Response(next, Page("it1", hasMore: false, "b1")));
        var completed = await peer.ReceiveAsync();

        // Assert
        Assert.That(range.Type, Is.EqualTo(MessageType.GetStateByRange));
        var request = GetStateByRange.Parser.ParseFrom(range.Payload);
        Assert.That((request.StartKey, request.EndKey), Is.EqualTo(("a", "z")));
        Assert.That(next.Type, Is.EqualTo(MessageType.QueryStateNext));
        Assert.That(QueryStateNext.Parser.ParseFrom(next.Payload).Id, Is.EqualTo("it1"));
        Assert.That(completed.Type, Is.EqualTo(MessageType.Completed));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("a1=v-a1,a2=v-a2,b1=v-b1"));
    }

    [Test]
    public async Task RangeQuery_AbandonedEarly_ClosesThePeersIterator()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) =>
        {
            await foreach (var kv in stub.GetStateByRangeAsync(string.Empty, string.Empty, ct))
            {
                return ChaincodeResponse.Success(kv.Key);
            }

            return ChaincodeResponse.Success("empty");
        });
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "First"));
        var range = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Response(range, Page("it9", hasMore: true, "k1", "k2")));
        var close = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Response(close, ByteString.Empty));
        var completed = await peer.ReceiveAsync();

        // Assert
        Assert.That(GetStateByRange.Parser.ParseFrom(range.Payload).StartKey, Is.EqualTo("\u0001"), "an empty start key is sent as U+0001, as Fabric's shims do");
        Assert.That(close.Type, Is.EqualTo(MessageType.QueryStateClose));
        Assert.That(QueryStateClose.Parser.ParseFrom(close.Payload).Id, Is.EqualTo("it9"));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("k1"));
    }

    [Test]
    public async Task Transaction_SignedByARealClient_ChaincodeSeesItsClientIdentity()
    {
        // Arrange
        using var certificate = Identity.IdentityCertificates.Issue(Identity.IdentityCertificates.Name(
            Identity.IdentityCertificates.Rdn(Identity.IdentityCertificates.OU, "client"),
            Identity.IdentityCertificates.Rdn(Identity.IdentityCertificates.CN, "trader1")),
            attributesJson: """{"attrs":{"role":"trader"}}""");
        var creator = Identity.IdentityCertificates.SerializedIdentity("BankAMSP", certificate);
        await using var server = await ChaincodeServerHarness.StartAsync((stub, _) =>
        {
            var client = stub.ClientIdentity;
            return Task.FromResult(ChaincodeResponse.Success($"{client.MspId}|{client.Id}|{client.IsClient}|{client.GetAttributeValue("role")}"));
        });
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.TransactionFrom(creator, "tx1", "WhoAmI"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(
            Messages.ReadResponse(completed).Payload.ToStringUtf8(),
            Is.EqualTo($"BankAMSP|x509::CN=trader1,OU=client::{Identity.GoNameCases.TestCaRendered}|True|trader"));
    }

    [Test]
    public async Task Transaction_CreatorIsNotACertificate_ClientIdentityFailsTheTransactionWith500()
    {
        // Arrange: the default test creator carries no real certificate.
        await using var server = await ChaincodeServerHarness.StartAsync((stub, _) => Task.FromResult(ChaincodeResponse.Success(stub.ClientIdentity.Id)));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "WhoAmI"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.Contain("not a readable X.509 identity"));
    }

    private static ByteString Page(string id, bool hasMore, params string[] keys)
    {
        var page = new QueryResponse { Id = id, HasMore = hasMore };
        page.Results.AddRange(keys.Select(k => new QueryResultBytes
        {
            ResultBytes = new KV { Namespace = "assets", Key = k, Value = ByteString.CopyFromUtf8("v-" + k) }.ToByteString(),
        }));
        return page.ToByteString();
    }
}
