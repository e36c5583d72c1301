using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Handler;

/// <summary>
/// The handler's state machine as one table: in each handshake state, what each message from the
/// peer leads to, driven by a scripted peer over a real loopback gRPC stream.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class ChaincodeHandlerStateTests
{
    /// <summary>The handler's state (<c>HandlerState</c>, which is internal) the row starts from.</summary>
    public enum State
    {
        /// <summary>REGISTER sent; waiting for REGISTERED.</summary>
        Created,

        /// <summary>REGISTERED received; waiting for READY.</summary>
        Established,

        /// <summary>READY received.</summary>
        Ready,
    }

    /// <summary>What the handler does with a message.</summary>
    public enum Outcome
    {
        /// <summary>The handler moves to the next handshake state (proven by completing a transaction after).</summary>
        Advances,

        /// <summary>The chaincode ends the stream with FAILED_PRECONDITION.</summary>
        EndsStream,

        /// <summary>The message is sent back.</summary>
        Echoed,

        /// <summary>The transaction runs and ends with COMPLETED.</summary>
        Completed,

        /// <summary>The handler answers ERROR for the message's transaction and the stream stays up.</summary>
        ErrorReply,

        /// <summary>The handler logs the message and sends nothing; the stream stays up.</summary>
        Ignored,
    }

    private static readonly ByteString OfferBoth = new ChaincodeAdditionalParams
    {
        UseWriteBatch = true,
        MaxSizeWriteBatch = 1000,
        UseGetMultipleKeys = true,
        MaxSizeGetMultipleKeys = 1000,
    }.ToByteString();

    public static IEnumerable<TestCaseData> Rows()
    {
        // Created: REGISTER sent, waiting for REGISTERED.
        yield return Row(State.Created, MessageType.Registered, Outcome.Advances);
        yield return Row(State.Created, MessageType.Keepalive, Outcome.Echoed);
        foreach (var type in new[] { MessageType.Ready, MessageType.Transaction, MessageType.Init, MessageType.Response, MessageType.Error, MessageType.Completed, MessageType.Undefined })
        {
            yield return Row(State.Created, type, Outcome.EndsStream);
        }

        // Established: REGISTERED received, waiting for READY (with or without capabilities).
        yield return Row(State.Established, MessageType.Ready, Outcome.Advances);
        yield return Row(State.Established, MessageType.Ready, Outcome.Advances, OfferBoth, "WithCapabilities");
        yield return Row(State.Established, MessageType.Ready, Outcome.EndsStream, ByteString.CopyFrom(0xFF, 0xFF), "MalformedPayload");
        yield return Row(State.Established, MessageType.Keepalive, Outcome.Echoed);
        foreach (var type in new[] { MessageType.Registered, MessageType.Transaction, MessageType.Init, MessageType.Response, MessageType.Error })
        {
            yield return Row(State.Established, type, Outcome.EndsStream);
        }

        // Ready: transactions run; answers are routed to the transaction that asked.
        yield return Row(State.Ready, MessageType.Transaction, Outcome.Completed);
        yield return Row(State.Ready, MessageType.Init, Outcome.Completed);
        yield return Row(State.Ready, MessageType.Keepalive, Outcome.Echoed);
        yield return Row(State.Ready, MessageType.Response, Outcome.Ignored, name: "Unsolicited");
        yield return Row(State.Ready, MessageType.Error, Outcome.Ignored, name: "Unsolicited");
        foreach (var type in new[]
        {
            MessageType.Register, MessageType.Registered, MessageType.Ready, MessageType.Completed, MessageType.Undefined,
            MessageType.GetState, MessageType.PutState, MessageType.DelState, MessageType.GetStateByRange, MessageType.QueryStateNext,
            MessageType.InvokeChaincode, MessageType.GetStateMetadata, MessageType.WriteBatchState, MessageType.GetStateMultiple,
        })
        {
            yield return Row(State.Ready, type, Outcome.ErrorReply);
        }

        static TestCaseData Row(State state, MessageType type, Outcome outcome, ByteString? payload = null, string? name = null) =>
            new TestCaseData(state, type, payload ?? ByteString.Empty, outcome)
                .SetName($"Handle_{state}_{type}{(name is null ? string.Empty : "_" + name)}_{outcome}");
    }

    private static Task<ChaincodeResponse> Succeed(IChaincodeStub stub, CancellationToken ct) =>
        Task.FromResult(ChaincodeResponse.Success(stub.FunctionName));

    private static async Task ReachAsync(ScriptedPeer peer, State state)
    {
        _ = await peer.ReceiveAsync(MessageType.Register, txId: string.Empty);
        if (state >= State.Established)
        {
            await peer.SendAsync(new ChaincodeMessage { Type = MessageType.Registered });
        }

        if (state >= State.Ready)
        {
            await peer.SendAsync(new ChaincodeMessage { Type = MessageType.Ready });
        }
    }

    private static ChaincodeMessage Build(MessageType type, ByteString payload)
    {
        if (type is MessageType.Transaction or MessageType.Init)
        {
            var transaction = Messages.Transaction("tx9", "Probe");
            transaction.Type = type;
            return transaction;
        }

        return new ChaincodeMessage { Type = type, Txid = "tx9", ChannelId = Messages.Channel, Payload = payload };
    }

    private static async Task ExpectStreamStaysUpAsync(ScriptedPeer peer)
    {
        await peer.SendAsync(new ChaincodeMessage { Type = MessageType.Keepalive });
        Assert.That((await peer.ReceiveAsync()).Type, Is.EqualTo(MessageType.Keepalive));
    }

    [TestCaseSource(nameof(Rows))]
    public async Task Handle_MessageInState_HasTheExpectedOutcome(State state, MessageType type, ByteString payload, Outcome outcome)
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(Succeed);
        await using var peer = await server.ConnectAsync();
        await ReachAsync(peer, state);

        // Act
        await peer.SendAsync(Build(type, payload));

        // Assert
        switch (outcome)
        {
            case Outcome.Advances:
                if (state == State.Created)
                {
                    await peer.SendAsync(new ChaincodeMessage { Type = MessageType.Ready });
                }

                await peer.SendAsync(Messages.Transaction("tx1", "AfterHandshake"));
                Assert.That(Messages.ReadResponse(await peer.ReceiveAsync(MessageType.Completed)).Payload.ToStringUtf8(), Is.EqualTo("AfterHandshake"));
                break;

            case Outcome.EndsStream:
                var status = await peer.WaitForEndAsync();
                Assert.That(status.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
                Assert.That(status.Detail, Does.Contain(type.ToString()).IgnoreCase);
                break;

            case Outcome.Echoed:
                Assert.That((await peer.ReceiveAsync()).Type, Is.EqualTo(MessageType.Keepalive));
                break;

            case Outcome.Completed:
                var completed = await peer.ReceiveAsync(MessageType.Completed, "tx9");
                Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("Probe"));
                break;

            case Outcome.ErrorReply:
                var error = await peer.ReceiveAsync(MessageType.Error, "tx9");
                Assert.That(error.ChannelId, Is.EqualTo(Messages.Channel));
                Assert.That(error.Payload.ToStringUtf8(), Does.Contain(type.ToString()));
                await ExpectStreamStaysUpAsync(peer);
                break;

            case Outcome.Ignored:
                await ExpectStreamStaysUpAsync(peer);
                break;
        }
    }
}
