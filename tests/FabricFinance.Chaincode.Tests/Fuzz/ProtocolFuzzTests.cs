using FabricFinance.Chaincode.Hosting;
using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Fuzz;

/// <summary>
/// Issue 8, part 4c: the shim's handler against a broken or hostile peer over a real loopback gRPC
/// stream. Seeded random message sequences, garbled payloads and proposals, message types no type
/// has, answers nobody asked for, transaction ids sent twice, megabyte and oversized messages, and
/// handshakes out of order. Whatever arrives, the chaincode answers as docs/chaincode.md says (ERROR
/// for what it cannot take, nothing for stray answers) or ends the stream with a status, never
/// crashes, never leaves a transaction unanswered, and the server keeps taking connections.
/// </summary>
[TestFixture]
public sealed class ProtocolFuzzTests
{
    private const int Seed = 8_004;

    [Test]
    [CancelAfter(240_000)]
    public async Task ReadyState_TwoThousandFuzzedMessages_EachOwedReplyArrivesAndTheStreamStaysUsable()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(BehaveAsync);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        var fuzzer = new ProtocolFuzzer(Seed);
        var owed = new Dictionary<(string, string), int>();
        var allowed = new Dictionary<(string, string), HashSet<MessageType>>();
        var descriptions = new Dictionary<(string, string), string>();

        // Act
        for (var i = 0; i < 2_000; i++)
        {
            var fuzzed = fuzzer.Next();
            owed[fuzzed.Key] = owed.GetValueOrDefault(fuzzed.Key) + fuzzed.ExpectedReplies;
            var kinds = allowed.TryGetValue(fuzzed.Key, out var set) ? set : allowed[fuzzed.Key] = [];
            kinds.UnionWith(fuzzed.Message.Type switch
            {
                MessageType.Transaction or MessageType.Init => [MessageType.Completed, MessageType.Error],
                MessageType.Keepalive => [MessageType.Keepalive],
                _ => [MessageType.Error],
            });
            descriptions[fuzzed.Key] = fuzzed.Description;
            await peer.SendAsync(fuzzed.Message);
        }

        var received = new Dictionary<(string, string), int>();
        var wrong = new List<string>();
        for (var count = 0; count < owed.Values.Sum(); count++)
        {
            ChaincodeMessage reply;
            try
            {
                reply = await peer.ReceiveAsync(); // 10 s each: a hang fails here
            }
            catch (TimeoutException)
            {
                Assert.Fail("replies never came for: " + string.Join("; ", owed.Where(o => received.GetValueOrDefault(o.Key) < o.Value).Select(o => $"{o.Key} ({descriptions[o.Key]})")));
                throw;
            }

            var key = (reply.ChannelId, reply.Txid);
            received[key] = received.GetValueOrDefault(key) + 1;
            if (!allowed.TryGetValue(key, out var kinds) || !kinds.Contains(reply.Type))
            {
                wrong.Add($"{reply.Type} for {key} ({descriptions.GetValueOrDefault(key, "never sent")})");
            }
        }

        await peer.SendAsync(ProtocolFuzzer.Probe("after-fuzz"));
        var probe = await peer.ReceiveAsync();

        // Assert: exactly the replies owed, then the probe completes (nothing extra came before it).
        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Empty, "replies of the wrong type, or for keys never sent");
            Assert.That(received.Where(r => owed.GetValueOrDefault(r.Key) != r.Value).Select(r => $"{r.Key}: {r.Value} of {owed.GetValueOrDefault(r.Key)}"), Is.Empty);
            Assert.That((probe.Type, probe.Txid), Is.EqualTo((MessageType.Completed, "after-fuzz")), "the stream is still usable and nothing more was owed");
            Assert.That(Messages.ReadResponse(probe).Status, Is.EqualTo(200));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Handshake_RandomSequencesOnOneHundredStreams_EchoAdvanceOrEndWithFailedPrecondition()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(BehaveAsync);
        var random = new Random(Seed);
        MessageType[] types = [MessageType.Keepalive, MessageType.Registered, MessageType.Ready, MessageType.Transaction, MessageType.Response, MessageType.Error, MessageType.Register, MessageType.Completed, (MessageType)42];
        var outcomes = new Dictionary<string, int>();

        for (var stream = 0; stream < 100; stream++)
        {
            await using var peer = await server.ConnectAsync();
            _ = await peer.ReceiveAsync(MessageType.Register, txId: string.Empty);
            var state = 0; // 0 created, 1 established, 2 ready, -1 ended
            var script = new List<string>();

            // Act: up to six messages, each weighted towards the handshake's own.
            for (var step = 0; step < 6 && state is 0 or 1; step++)
            {
                var type = random.Next(2) == 0 ? (state == 0 ? MessageType.Registered : MessageType.Ready) : types[random.Next(types.Length)];
                var payload = type == MessageType.Ready && random.Next(3) == 0 ? Garbage(random) : ByteString.Empty;
                script.Add(type + (payload.IsEmpty ? string.Empty : "(garbage)"));
                await peer.SendAsync(new ChaincodeMessage { Type = type, Payload = payload, Txid = "h" + step });

                // Assert, step by step
                if (type == MessageType.Keepalive)
                {
                    Assert.That((await peer.ReceiveAsync()).Type, Is.EqualTo(MessageType.Keepalive), string.Join(" ", script));
                }
                else if ((state, type) is (0, MessageType.Registered))
                {
                    state = 1;
                }
                else if ((state, type) is (1, MessageType.Ready) && Parses(payload))
                {
                    state = 2;
                }
                else
                {
                    state = -1;
                }
            }

            if (state == -1)
            {
                var status = await peer.WaitForEndAsync();
                Assert.That(status.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition), string.Join(" ", script));
            }
            else
            {
                if (state < 2)
                {
                    await peer.SendAsync(new ChaincodeMessage { Type = state == 0 ? MessageType.Registered : MessageType.Ready });
                    if (state == 0)
                    {
                        await peer.SendAsync(new ChaincodeMessage { Type = MessageType.Ready });
                    }
                }

                await peer.SendAsync(ProtocolFuzzer.Probe("p"));
                Assert.That((await peer.ReceiveAsync()).Type, Is.EqualTo(MessageType.Completed), string.Join(" ", script));
            }

            outcomes[state == -1 ? "ended" : "ready"] = outcomes.GetValueOrDefault(state == -1 ? "ended" : "ready") + 1;
        }

        await TestContext.Out.WriteLineAsync($"handshake fuzz: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        Assert.That(outcomes.Keys, Is.EquivalentTo(new[] { "ended", "ready" }), "both outcomes were exercised");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Receive_MessageAboveTheLimit_EndsThatStreamAndTheServerTakesTheNext()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(BehaveAsync);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        var oversized = Messages.Transaction("big", "Probe");
        oversized.Payload = ByteString.CopyFrom(new byte[ChaincodeServerExtensions.MaxMessageSize + 1]);

        // Act
        try
        {
            await peer.SendAsync(oversized);
        }
        catch (RpcException)
        {
            // The server may reset the call while the client is still writing.
        }

        var status = await peer.WaitForEndAsync();
        await using var next = await server.ConnectAsync();
        await next.HandshakeAsync();
        await next.SendAsync(ProtocolFuzzer.Probe("after-oversized"));
        var completed = await next.ReceiveAsync(MessageType.Completed, "after-oversized");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(status.StatusCode, Is.Not.EqualTo(StatusCode.OK), status.ToString());
            Assert.That(Messages.ReadResponse(completed).Status, Is.EqualTo(200));
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Response_UnknownTxIdOtherChannelAndDuplicate_IgnoredAndTheWaitingTransactionGetsItsAnswer()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) =>
            ChaincodeResponse.Success(await stub.GetStateAsync("k", ct) ?? []));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        await peer.SendAsync(Messages.Transaction("w1", "Get"));
        var request = await peer.ReceiveAsync(MessageType.GetState, "w1");

        // Act
        await peer.SendAsync(Messages.Response(new ChaincodeMessage { ChannelId = Messages.Channel, Txid = "w2" }, ByteString.CopyFromUtf8("wrong tx")));
        await peer.SendAsync(Messages.Response(new ChaincodeMessage { ChannelId = "other", Txid = "w1" }, ByteString.CopyFromUtf8("wrong channel")));
        await peer.SendAsync(Messages.Error(new ChaincodeMessage { ChannelId = Messages.Channel, Txid = "w3" }, "nobody asked"));
        await peer.RespondAsync(request, null);
        await peer.SendAsync(Messages.Response(request, ByteString.CopyFromUtf8("late duplicate")));
        var completed = await peer.ReceiveAsync(MessageType.Completed, "w1");
        await peer.SendAsync(new ChaincodeMessage { Type = MessageType.Keepalive, Txid = "k" });
        var next = await peer.ReceiveAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.Empty, "the transaction read the answer meant for it (empty), not a stray one");
            Assert.That((next.Type, next.Txid), Is.EqualTo((MessageType.Keepalive, "k")), "the stray answers got no reply");
        });
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Transaction_SameTxIdWhileRunning_SecondAnsweredErrorFirstCompletes()
    {
        // Arrange
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ChaincodeServerHarness.StartAsync(async (stub, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return ChaincodeResponse.Success(stub.FunctionName);
        });
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();

        // Act
        await peer.SendAsync(Messages.Transaction("d1", "First"));
        await peer.SendAsync(Messages.Transaction("d1", "Second"));
        var error = await peer.ReceiveAsync(MessageType.Error, "d1");
        release.SetResult();
        var completed = await peer.ReceiveAsync(MessageType.Completed, "d1");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(error.Payload.ToStringUtf8(), Does.Contain("already running"));
            Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("First"));
        });
    }

    [TestCase(long.MaxValue, 0)]
    [TestCase(0L, -1)]
    [TestCase(1L, int.MaxValue)]
    [TestCase(-62_135_596_801L, 0)]
    [CancelAfter(30_000)]
    public async Task Transaction_ProposalTimestampOutOfRange_AnsweredErrorNotLeftUnanswered(long seconds, int nanos)
    {
        // Arrange: a proposal whose header parses but whose timestamp is no instant (found by the fuzz above:
        // the stub threw InvalidOperationException and the transaction got no answer at all).
        await using var server = await ChaincodeServerHarness.StartAsync(BehaveAsync);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        var transaction = Messages.Transaction("ts1", "Probe");
        var proposal = Proposal.Parser.ParseFrom(transaction.Proposal.ProposalBytes);
        var header = Hyperledger.Fabric.Protos.Common.Header.Parser.ParseFrom(proposal.Header);
        var channelHeader = Hyperledger.Fabric.Protos.Common.ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
        channelHeader.Timestamp = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = seconds, Nanos = nanos };
        header.ChannelHeader = channelHeader.ToByteString();
        proposal.Header = header.ToByteString();
        transaction.Proposal.ProposalBytes = proposal.ToByteString();

        // Act
        await peer.SendAsync(transaction);
        var error = await peer.ReceiveAsync(MessageType.Error, "ts1");

        // Assert
        Assert.That(error.Payload.ToStringUtf8(), Does.StartWith("The transaction message is malformed"));
    }

    /// <summary>The chaincode under fuzz: reads what the stub parsed (timestamp, creator, transient data) and echoes the function name.</summary>
    private static async Task<ChaincodeResponse> BehaveAsync(IChaincodeStub stub, CancellationToken cancellationToken)
    {
        _ = stub.TransactionTimestamp;
        _ = stub.CreatorMspId;
        _ = stub.TransientData.Count;
        if (stub.Arguments.Count > 0 && stub.Arguments[0].Length % 3 == 0)
        {
            await Task.Yield();
        }

        return ChaincodeResponse.Success(stub.FunctionName);
    }

    private static ByteString Garbage(Random random)
    {
        var bytes = new byte[random.Next(1, 64)];
        random.NextBytes(bytes);
        return ByteString.CopyFrom(bytes);
    }

    private static bool Parses(ByteString payload)
    {
        try
        {
            _ = ChaincodeAdditionalParams.Parser.ParseFrom(payload);
            return true;
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }
    }
}
