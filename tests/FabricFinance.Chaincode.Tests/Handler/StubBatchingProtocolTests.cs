using System.Text;
using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;
using RecordType = Hyperledger.Fabric.Protos.Peer.WriteRecord.Types.Type;

namespace FabricFinance.Chaincode.Tests.Handler;

/// <summary>
/// What the READY payload changes: GET_STATE_MULTIPLE and WRITE_BATCH_STATE are used only when the
/// peer offers them (Fabric 3.1), and the stub falls back to one message per key otherwise (Fabric 2.5).
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class StubBatchingProtocolTests
{
    private static readonly ChaincodeAdditionalParams Fabric31 = new()
    {
        UseGetMultipleKeys = true,
        MaxSizeGetMultipleKeys = 2,
        UseWriteBatch = true,
        MaxSizeWriteBatch = 2,
    };

    private static string Show(IReadOnlyList<byte[]?> values) => string.Join(",", values.Select(v => v is null ? "null" : Encoding.UTF8.GetString(v)));

    private static GetStateMultipleResult Values(params string[] values)
    {
        var result = new GetStateMultipleResult();
        result.Values.AddRange(values.Select(ByteString.CopyFromUtf8));
        return result;
    }

    [Test]
    public async Task GetMultipleStates_PeerSentNoReadyPayload_SendsOneGetStatePerKey()
    {
        // Arrange: Fabric 2.5 sends READY without a payload.
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) => ChaincodeResponse.Success(Show(await stub.GetMultipleStatesAsync(["a", "b", "c"], ct))));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Read"));
        var keys = new List<string>();
        foreach (var value in new[] { "va", string.Empty, "vc" })
        {
            var get = await peer.ReceiveAsync(MessageType.GetState);
            keys.Add(GetState.Parser.ParseFrom(get.Payload).Key);
            await peer.SendAsync(Messages.Response(get, ByteString.CopyFromUtf8(value)));
        }

        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(keys, Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("va,null,vc"));
    }

    [Test]
    public async Task GetMultipleStates_PeerOffersGetMultiple_SendsBatchesOfItsMaximumSize()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) => ChaincodeResponse.Success(Show(await stub.GetMultipleStatesAsync(["a", "b", "c"], ct))));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync(Fabric31);

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Read"));
        var first = await peer.ReceiveAsync(MessageType.GetStateMultiple);
        await peer.RespondAsync(first, Values("va", string.Empty));
        var second = await peer.ReceiveAsync(MessageType.GetStateMultiple);
        await peer.RespondAsync(second, Values("vc"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(GetStateMultiple.Parser.ParseFrom(first.Payload).Keys, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(GetStateMultiple.Parser.ParseFrom(first.Payload).Collection, Is.Empty);
        Assert.That(GetStateMultiple.Parser.ParseFrom(second.Payload).Keys, Is.EqualTo(new[] { "c" }));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("va,null,vc"));
    }

    [Test]
    public async Task GetMultiplePrivateData_PeerOffersGetMultiple_SendsTheCollection()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) => ChaincodeResponse.Success(Show(await stub.GetMultiplePrivateDataAsync("secrets", ["a"], ct))));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync(Fabric31);

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Read"));
        var request = await peer.ReceiveAsync(MessageType.GetStateMultiple);
        await peer.RespondAsync(request, Values("pa"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(GetStateMultiple.Parser.ParseFrom(request.Payload), Is.EqualTo(new GetStateMultiple { Keys = { "a" }, Collection = "secrets" }));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("pa"));
    }

    [Test]
    public async Task GetMultiplePrivateData_PeerSentNoReadyPayload_SendsOneGetStatePerKeyWithTheCollection()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) => ChaincodeResponse.Success(Show(await stub.GetMultiplePrivateDataAsync("secrets", ["a"], ct))));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Read"));
        var request = await peer.ReceiveAsync(MessageType.GetState);
        await peer.SendAsync(Messages.Response(request, ByteString.CopyFromUtf8("pa")));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(GetState.Parser.ParseFrom(request.Payload), Is.EqualTo(new GetState { Key = "a", Collection = "secrets" }));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("pa"));
    }

    [TestCase(1, TestName = "GetMultipleStates_PeerAnswersTooFewValues_FailsWith500")]
    [TestCase(3, TestName = "GetMultipleStates_PeerAnswersTooManyValues_FailsWith500")]
    public async Task GetMultipleStates_WrongNumberOfValues_FailsWith500(int count)
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) => ChaincodeResponse.Success(Show(await stub.GetMultipleStatesAsync(["a", "b"], ct))));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync(Fabric31);

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Read"));
        var request = await peer.ReceiveAsync(MessageType.GetStateMultiple);
        await peer.RespondAsync(request, Values(Enumerable.Repeat("v", count).ToArray()));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.Contain($"for 2 keys with {count} values"));
    }

    [Test]
    public async Task GetMultipleStates_PeerRefuses_FailsWith500()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) => ChaincodeResponse.Success(Show(await stub.GetMultipleStatesAsync(["a"], ct))));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync(Fabric31);

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Read"));
        var request = await peer.ReceiveAsync(MessageType.GetStateMultiple);
        await peer.SendAsync(Messages.Error(request, "ledger closed"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(Messages.ReadResponse(completed).Message, Does.Contain("GetStateMultiple").And.Contain("ledger closed"));
    }

    private static async Task<ChaincodeResponse> WriteFiveThings(IChaincodeStub stub, CancellationToken ct)
    {
        var started = stub.StartWriteBatch();
        await stub.PutStateAsync("a", "1"u8.ToArray(), ct);
        await stub.PutStateAsync("b", "2"u8.ToArray(), ct);
        await stub.DeleteStateAsync("c", ct);
        await stub.SetStateValidationParameterAsync("b", "policy"u8.ToArray(), ct);
        await stub.PutPrivateDataAsync("secrets", "d", "4"u8.ToArray(), ct);
        await stub.PurgePrivateDataAsync("secrets", "e", ct);
        await stub.PutStateAsync("a", "1-again"u8.ToArray(), ct);
        return ChaincodeResponse.Success(started ? "batched" : "one by one");
    }

    [Test]
    public async Task WriteBatch_PeerOffersIt_BufferedWritesAreSentInBatchesBeforeCompleted()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(WriteFiveThings);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync(Fabric31);

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Write"));
        var batches = new List<WriteBatchState>();
        for (var i = 0; i < 3; i++)
        {
            var batch = await peer.ReceiveAsync(MessageType.WriteBatchState);
            batches.Add(WriteBatchState.Parser.ParseFrom(batch.Payload));
            await peer.RespondAsync(batch);
        }

        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert: at most two records per batch, in first-write order, the last write of "a" kept in its place.
        Assert.That(batches.Select(b => b.Rec.Count), Is.EqualTo(new[] { 2, 2, 2 }));
        var records = batches.SelectMany(b => b.Rec).ToList();
        Assert.That(records.Select(r => (r.Type, r.Collection, r.Key)), Is.EqualTo(new[]
        {
            (RecordType.PutState, string.Empty, "a"),
            (RecordType.PutState, string.Empty, "b"),
            (RecordType.DelState, string.Empty, "c"),
            (RecordType.PutStateMetadata, string.Empty, "b"),
            (RecordType.PutState, "secrets", "d"),
            (RecordType.PurgePrivateData, "secrets", "e"),
        }));
        Assert.That(records[0].Value.ToStringUtf8(), Is.EqualTo("1-again"));
        Assert.That(records[3].Metadata, Is.EqualTo(new StateMetadata { Metakey = "VALIDATION_PARAMETER", Value = ByteString.CopyFromUtf8("policy") }));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("batched"));
    }

    [Test]
    public async Task WriteBatch_PeerSentNoReadyPayload_WritesGoOneByOne()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(WriteFiveThings);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Write"));
        var types = new List<MessageType>();
        ChaincodeMessage message;
        while ((message = await peer.ReceiveAsync()).Type != MessageType.Completed)
        {
            types.Add(message.Type);
            await peer.RespondAsync(message);
        }

        // Assert
        Assert.That(types, Is.EqualTo(new[]
        {
            MessageType.PutState, MessageType.PutState, MessageType.DelState, MessageType.PutStateMetadata,
            MessageType.PutState, MessageType.PurgePrivateData, MessageType.PutState,
        }));
        Assert.That(Messages.ReadResponse(message).Payload.ToStringUtf8(), Is.EqualTo("one by one"));
    }

    [Test]
    public async Task WriteBatch_NotStarted_WritesGoOneByOneEvenWhenOffered()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) =>
        {
            await stub.PutStateAsync("a", "1"u8.ToArray(), ct);
            return ChaincodeResponse.Success();
        });
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync(Fabric31);

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Write"));
        var put = await peer.ReceiveAsync(MessageType.PutState);
        await peer.RespondAsync(put);
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(Messages.ReadResponse(completed).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task FinishWriteBatchAsync_MidTransaction_SendsTheBatchThenWritesGoOneByOne()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) =>
        {
            stub.StartWriteBatch();
            await stub.PutStateAsync("a", "1"u8.ToArray(), ct);
            await stub.FinishWriteBatchAsync(ct);
            await stub.PutStateAsync("b", "2"u8.ToArray(), ct);
            return ChaincodeResponse.Success();
        });
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync(Fabric31);

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Write"));
        var batch = await peer.ReceiveAsync(MessageType.WriteBatchState);
        await peer.RespondAsync(batch);
        var put = await peer.ReceiveAsync(MessageType.PutState);
        await peer.RespondAsync(put);
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        Assert.That(WriteBatchState.Parser.ParseFrom(batch.Payload).Rec.Single().Key, Is.EqualTo("a"));
        Assert.That(PutState.Parser.ParseFrom(put.Payload).Key, Is.EqualTo("b"));
        Assert.That(Messages.ReadResponse(completed).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task WriteBatch_ChaincodeFails_BatchIsDroppedAndCompletedCarriesTheFailure()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) =>
        {
            stub.StartWriteBatch();
            await stub.PutStateAsync("a", "1"u8.ToArray(), ct);
            return ChaincodeResponse.Failure("insufficient funds", 409);
        });
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync(Fabric31);

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Write"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert
        var response = Messages.ReadResponse(completed);
        Assert.That((response.Status, response.Message), Is.EqualTo((409, "insufficient funds")));
    }

    [Test]
    public async Task WriteBatch_PeerRefusesTheBatch_TransactionFailsWith500()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(WriteFiveThings);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync(Fabric31);

        // Act
        await peer.SendAsync(Messages.Transaction("tx1", "Write"));
        var batch = await peer.ReceiveAsync(MessageType.WriteBatchState);
        await peer.SendAsync(Messages.Error(batch, "tx creator does not have write access permission on privatedata"));
        var completed = await peer.ReceiveAsync(MessageType.Completed);

        // Assert: the remaining batches are not sent.
        var response = Messages.ReadResponse(completed);
        Assert.That(response.Status, Is.EqualTo(500));
        Assert.That(response.Message, Does.Contain("WriteBatchState").And.Contain("write access permission"));
    }
}
