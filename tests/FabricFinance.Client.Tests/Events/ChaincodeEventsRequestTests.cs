using System.Collections.Concurrent;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Events;
using FabricFinance.Client.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Orderer;
using Hyperledger.Fabric.Protos.Peer;
using ChaincodeEventsRequestMessage = Hyperledger.Fabric.Protos.Gateway.ChaincodeEventsRequest;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;

namespace FabricFinance.Client.Tests.Events;

public class ChaincodeEventsRequestTests
{
    private static readonly EventsResumePolicy Immediately = new() { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

    [Test]
    [CancelAfter(10_000)]
    public async Task NewChaincodeEventsRequest_CheckpointWithPosition_StartsAtItsBlockAfterItsTransaction()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var checkpointer = new InMemoryCheckpointer();
        await checkpointer.CheckpointTransactionAsync(20, "tx-20-1");
        var options = new ChaincodeEventsOptions { Checkpoint = checkpointer, StartBlock = 3, AfterTransactionId = "ignored" };

        // Act
        var request = test.Network.NewChaincodeEventsRequest(EventsTestGateway.ChaincodeName, options);

        // Assert
        var sent = Unsigned(request);
        Assert.Multiple(() =>
        {
            Assert.That(request.StartBlock, Is.EqualTo(20UL));
            Assert.That(request.AfterTransactionId, Is.EqualTo("tx-20-1"));
            Assert.That(sent.StartPosition.Specified.Number, Is.EqualTo(20UL));
            Assert.That(sent.AfterTransactionId, Is.EqualTo("tx-20-1"));
            Assert.That(sent.ChannelId, Is.EqualTo(EventsTestGateway.ChannelName));
            Assert.That(sent.ChaincodeId, Is.EqualTo(EventsTestGateway.ChaincodeName));
            Assert.That(sent.Identity, Is.EqualTo(test.Creator));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task NewChaincodeEventsRequest_CheckpointAfterBlock_StartsAtNextBlockWithoutSkipping()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var checkpointer = new InMemoryCheckpointer();
        await checkpointer.CheckpointBlockAsync(20);

        // Act
        var request = test.Network.NewChaincodeEventsRequest(EventsTestGateway.ChaincodeName, new ChaincodeEventsOptions { Checkpoint = checkpointer });

        // Assert
        var sent = Unsigned(request);
        Assert.Multiple(() =>
        {
            Assert.That(sent.StartPosition.Specified.Number, Is.EqualTo(21UL));
            Assert.That(sent.AfterTransactionId, Is.Empty);
        });
    }

    [Test]
    public void NewChaincodeEventsRequest_CheckpointWithoutPosition_StartBlockApplies()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var options = new ChaincodeEventsOptions { Checkpoint = new InMemoryCheckpointer(), StartBlock = 3, AfterTransactionId = "tx-3" };

        // Act
        var sent = Unsigned(test.Network.NewChaincodeEventsRequest(EventsTestGateway.ChaincodeName, options));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(sent.StartPosition.Specified.Number, Is.EqualTo(3UL));
            Assert.That(sent.AfterTransactionId, Is.EqualTo("tx-3"));
        });
    }

    [Test]
    public void NewChaincodeEventsRequest_NoOptions_StartsAtNextCommitAndDoesNotResume()
    {
        // Arrange
        using var test = new EventsTestGateway();

        // Act
        var request = test.Network.NewChaincodeEventsRequest(EventsTestGateway.ChaincodeName);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(Unsigned(request).StartPosition.TypeCase, Is.EqualTo(SeekPosition.TypeOneofCase.NextCommit));
            Assert.That(request.StartBlock, Is.Null);
            Assert.That(request.ResumesOnFailure, Is.False);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task NewSignedChaincodeEventsRequest_OfflineSignature_StreamIsRequestedWithIt()
    {
        // Arrange
        using var test = new EventsTestGateway(withSigner: false);
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        stream.Write(FabricResponses.Events(9, ("tx-9", "Issued", "bill-9")));
        test.GatewayService.ChaincodeEvents = (_, _) => stream;
        var unsigned = test.Network.NewChaincodeEventsRequest(EventsTestGateway.ChaincodeName, new ChaincodeEventsOptions { StartBlock = 9 });
        var signature = await test.User.Signer.SignAsync(unsigned.GetDigest());

        // Act
        var signed = test.Gateway.NewSignedChaincodeEventsRequest(unsigned.GetBytes(), signature);
        var events = await signed.GetEventsAsync().TakeAsync(1);

        // Assert
        var sent = test.GatewayService.RequestsOf<SignedChaincodeEventsRequest>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(events.Single().TransactionId, Is.EqualTo("tx-9"));
            Assert.That(sent.Signature.ToByteArray(), Is.EqualTo(signature));
            Assert.That(test.IsValidSignature(sent.Request, sent.Signature), Is.True);
            Assert.That(signed.GetDigest(), Is.EqualTo(unsigned.GetDigest()));
            Assert.That(signed.ChaincodeName, Is.EqualTo(EventsTestGateway.ChaincodeName));
            Assert.That(signed.StartBlock, Is.EqualTo(9UL));
            Assert.That(SignedChaincodeEventsRequest.Parser.ParseFrom(signed.GetBytes()).Signature.ToByteArray(), Is.EqualTo(signature));
        });
    }

    [Test]
    public void NewSignedChaincodeEventsRequest_NotARequest_ThrowsArgumentExceptionNamingBytes()
    {
        // Arrange
        using var test = new EventsTestGateway(withSigner: false);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Gateway.NewSignedChaincodeEventsRequest(new byte[] { 1, 2, 3 }, new byte[] { 9 }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("bytes"));
    }

    [Test]
    public void NewSignedChaincodeEventsRequest_EmptySignature_ThrowsArgumentExceptionNamingSignature()
    {
        // Arrange
        using var test = new EventsTestGateway(withSigner: false);
        var unsigned = test.Network.NewChaincodeEventsRequest(EventsTestGateway.ChaincodeName);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Gateway.NewSignedChaincodeEventsRequest(unsigned.GetBytes(), ReadOnlyMemory<byte>.Empty));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("signature"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetEventsAsync_ResumeAfterUnavailableMidBlockStream_ReconnectsAfterLastEventWithoutGapOrDuplicate()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var first = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        first.Write(FabricResponses.Events(10, ("tx-10-a", "Issued", "1"), ("tx-10-b", "Issued", "2")));
        first.Complete(FabricResponses.RpcFailure(StatusCode.Unavailable, "connection reset by peer"));
        var second = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        second.Write(FabricResponses.Events(11, ("tx-11-a", "Paid", "3")));
        AnswerWith(test, first, second);
        var options = new ChaincodeEventsOptions { StartBlock = 10, ResumeOnFailure = true, ResumePolicy = Immediately };

        // Act
        var events = await test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options).TakeAsync(3);

        // Assert
        var requests = test.GatewayService.RequestsOf<SignedChaincodeEventsRequest>();
        var reconnect = ChaincodeEventsRequestMessage.Parser.ParseFrom(requests[1].Request);
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => (e.BlockNumber, e.TransactionId)), Is.EqualTo(new[] { (10UL, "tx-10-a"), (10UL, "tx-10-b"), (11UL, "tx-11-a") }));
            Assert.That(requests, Has.Count.EqualTo(2));
            Assert.That(reconnect.StartPosition.Specified.Number, Is.EqualTo(10UL), "resumes in the block of the last event");
            Assert.That(reconnect.AfterTransactionId, Is.EqualTo("tx-10-b"), "skips every event up to the last one delivered");
            Assert.That(reconnect.ChaincodeId, Is.EqualTo(EventsTestGateway.ChaincodeName));
            Assert.That(test.IsValidSignature(requests[1].Request, requests[1].Signature), Is.True, "the new request is signed anew");
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetEventsAsync_ResumeFailureBeforeFirstEvent_ReconnectsFromOriginalPosition()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var first = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        first.Complete(FabricResponses.RpcFailure(StatusCode.Unavailable, "peer restarting"));
        var second = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        second.Write(FabricResponses.Events(8, ("tx-8", "Issued", "")));
        AnswerWith(test, first, second);
        var options = new ChaincodeEventsOptions { StartBlock = 7, AfterTransactionId = "tx-7", ResumeOnFailure = true, ResumePolicy = Immediately };

        // Act
        var events = await test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options).TakeAsync(1);

        // Assert
        var requests = test.GatewayService.RequestsOf<SignedChaincodeEventsRequest>().Select(r => ChaincodeEventsRequestMessage.Parser.ParseFrom(r.Request)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(events.Single().TransactionId, Is.EqualTo("tx-8"));
            Assert.That(requests.Select(r => (r.StartPosition.Specified.Number, r.AfterTransactionId)), Is.EqualTo(new[] { (7UL, "tx-7"), (7UL, "tx-7") }));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetEventsAsync_ResumeFromNextCommit_StartsAtLedgerHeightReadThroughQscc()
    {
        // Arrange
        using var test = new EventsTestGateway();
        test.GatewayService.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated(new BlockchainInfo { Height = 42 }.ToByteArray()));
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        stream.Write(FabricResponses.Events(42, ("tx-42", "Issued", "")));
        AnswerWith(test, stream);
        var options = new ChaincodeEventsOptions { ResumeOnFailure = true };

        // Act
        await test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options).TakeAsync(1);

        // Assert
        var evaluate = test.GatewayService.RequestsOf<EvaluateRequest>().Single();
        var sent = ChaincodeEventsRequestMessage.Parser.ParseFrom(test.GatewayService.RequestsOf<SignedChaincodeEventsRequest>().Single().Request);
        Assert.Multiple(() =>
        {
            Assert.That(InvokedChaincode(evaluate), Is.EqualTo(("qscc", new[] { "GetChainInfo", EventsTestGateway.ChannelName })));
            Assert.That(sent.StartPosition.Specified.Number, Is.EqualTo(42UL));
            Assert.That(test.GatewayService.MethodNames, Is.EqualTo(new[] { "Evaluate", "ChaincodeEvents" }));
        });
    }

    [TestCase(StatusCode.PermissionDenied)]
    [TestCase(StatusCode.InvalidArgument)]
    [TestCase(StatusCode.NotFound)]
    [CancelAfter(10_000)]
    public void GetEventsAsync_ResumeNonTransientFailure_ThrowsWithoutReconnecting(StatusCode code)
    {
        // Arrange
        using var test = new EventsTestGateway();
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        stream.Write(FabricResponses.Events(1, ("tx-1", "Issued", "")));
        stream.Complete(FabricResponses.RpcFailure(code, "final"));
        AnswerWith(test, stream);
        var options = new ChaincodeEventsOptions { StartBlock = 1, ResumeOnFailure = true, ResumePolicy = Immediately };
        var received = new List<ChaincodeEvent>();

        // Act
        var ex = Assert.ThrowsAsync<GatewayException>(async () =>
        {
            await foreach (var e in test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options))
            {
                received.Add(e);
            }
        });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(code));
            Assert.That(received, Has.Count.EqualTo(1));
            Assert.That(test.GatewayService.RequestsOf<SignedChaincodeEventsRequest>(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public void GetEventsAsync_ResumeMaxAttemptsReached_ThrowsLastFailureAfterThatManyReconnections()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var attempt = 0;
        test.GatewayService.ChaincodeEvents = (_, _) =>
        {
            var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
            stream.Complete(FabricResponses.RpcFailure(StatusCode.Unavailable, $"down {Interlocked.Increment(ref attempt)}"));
            return stream;
        };
        var options = new ChaincodeEventsOptions
        {
            StartBlock = 1,
            ResumeOnFailure = true,
            ResumePolicy = new EventsResumePolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        };

        // Act
        var ex = Assert.ThrowsAsync<GatewayException>(async () => await test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options).TakeAsync(1));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(test.GatewayService.RequestsOf<SignedChaincodeEventsRequest>(), Has.Count.EqualTo(3), "the first call and two reconnections");
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Unavailable));
            Assert.That(ex.Message, Does.Contain("down 3"));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetEventsAsync_ResumeAfterEventsDelivered_AttemptCountStartsAgain()
    {
        // Arrange: two failures, an event, two more failures, with at most two attempts in a row.
        using var test = new EventsTestGateway();
        var streams = new ConcurrentQueue<TestAsyncStreamReader<ChaincodeEventsResponse>>();
        for (var i = 0; i < 5; i++)
        {
            var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
            if (i == 2)
            {
                stream.Write(FabricResponses.Events(5, ("tx-5", "Issued", "")));
            }

            if (i < 4)
            {
                stream.Complete(FabricResponses.RpcFailure(StatusCode.Unavailable, "flapping"));
            }
            else
            {
                stream.Write(FabricResponses.Events(6, ("tx-6", "Issued", "")));
            }

            streams.Enqueue(stream);
        }

        test.GatewayService.ChaincodeEvents = (_, _) => streams.TryDequeue(out var next) ? next : new TestAsyncStreamReader<ChaincodeEventsResponse>();
        var options = new ChaincodeEventsOptions
        {
            StartBlock = 5,
            ResumeOnFailure = true,
            ResumePolicy = new EventsResumePolicy { MaxAttempts = 2, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
        };

        // Act
        var events = await test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options).TakeAsync(2);

        // Assert
        Assert.That(events.Select(e => e.TransactionId), Is.EqualTo(new[] { "tx-5", "tx-6" }));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetEventsAsync_ResumeBackoff_WaitsOnGatewayClockWithGrowingDelays()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var first = FailingStream();
        var second = FailingStream();
        var third = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        third.Write(FabricResponses.Events(3, ("tx-3", "Issued", "")));
        AnswerWith(test, first, second, third);
        var options = new ChaincodeEventsOptions
        {
            StartBlock = 3,
            ResumeOnFailure = true,
            ResumePolicy = new EventsResumePolicy { InitialDelay = TimeSpan.FromSeconds(1), Multiplier = 3, MaxDelay = TimeSpan.FromSeconds(30) },
        };
        await using var events = test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options).GetAsyncEnumerator();
        int Calls() => test.GatewayService.RequestsOf<SignedChaincodeEventsRequest>().Count;

        // Act and Assert
        var next = events.MoveNextAsync().AsTask();
        Assert.That(await test.Time.WaitForTimerAsync(), Is.EqualTo(TimeSpan.FromSeconds(1)));
        test.Time.Advance(TimeSpan.FromMilliseconds(999));
        await EventsAssert.SettleAsync();
        Assert.That(Calls(), Is.EqualTo(1), "no reconnection before the delay elapses");

        test.Time.Advance(TimeSpan.FromMilliseconds(1));
        await EventsAssert.EventuallyAsync(() => Calls() == 2, "the first reconnection");
        Assert.That(await test.Time.WaitForTimerAsync(), Is.EqualTo(TimeSpan.FromSeconds(3)));

        test.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.That(await next.DefaultTimeout(), Is.True);
        Assert.That(events.Current.TransactionId, Is.EqualTo("tx-3"));
        Assert.That(Calls(), Is.EqualTo(3));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetEventsAsync_CancelledWhileWaitingToResume_ThrowsOperationCanceledExceptionForThatToken()
    {
        // Arrange
        using var test = new EventsTestGateway();
        AnswerWith(test, FailingStream());
        using var cancellation = new CancellationTokenSource();
        var options = new ChaincodeEventsOptions { StartBlock = 1, ResumeOnFailure = true };
        await using var events = test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options, cancellation.Token).GetAsyncEnumerator();
        var next = events.MoveNextAsync().AsTask();
        await test.Time.WaitForTimerAsync();

        // Act
        await cancellation.CancelAsync();

        // Assert
        var ex = Assert.CatchAsync<OperationCanceledException>(async () => await next.DefaultTimeout());
        Assert.Multiple(() =>
        {
            Assert.That(ex!.CancellationToken, Is.EqualTo(cancellation.Token));
            Assert.That(test.GatewayService.RequestsOf<SignedChaincodeEventsRequest>(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetEventsAsync_GatewayDisposedWhileWaitingToResume_ThrowsOperationCanceledException()
    {
        // Arrange
        using var test = new EventsTestGateway();
        AnswerWith(test, FailingStream());
        var options = new ChaincodeEventsOptions { StartBlock = 1, ResumeOnFailure = true };
        await using var events = test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options).GetAsyncEnumerator();
        var next = events.MoveNextAsync().AsTask();
        await test.Time.WaitForTimerAsync();

        // Act
        test.Gateway.Dispose();

        // Assert
        var ex = Assert.CatchAsync<OperationCanceledException>(async () => await next.DefaultTimeout());
        Assert.That(ex!.Message, Does.Contain("disposed"));
    }

    [Test]
    [CancelAfter(10_000)]
    public void GetEventsAsync_ResumeWithoutSigner_ThrowsInvalidOperationException()
    {
        // Arrange
        using var test = new EventsTestGateway(withSigner: false);
        var options = new ChaincodeEventsOptions { StartBlock = 1, ResumeOnFailure = true };

        // Act and Assert
        Assert.ThrowsAsync<InvalidOperationException>(async () => await test.Network.GetChaincodeEventsAsync(EventsTestGateway.ChaincodeName, options).TakeAsync(1));
    }

    [TestCase(0, 1, 1, 2.0)]
    [TestCase(3, -1, 1, 2.0)]
    [TestCase(3, 5, 1, 2.0)]
    [TestCase(3, 1, 1, 0.5)]
    [TestCase(3, 1, 1, double.NaN)]
    public void NewChaincodeEventsRequest_InvalidResumePolicy_ThrowsArgumentExceptionNamingOptions(int maxAttempts, int initialSeconds, int maxSeconds, double multiplier)
    {
        // Arrange
        using var test = new EventsTestGateway();
        var options = new ChaincodeEventsOptions
        {
            ResumeOnFailure = true,
            ResumePolicy = new EventsResumePolicy
            {
                MaxAttempts = maxAttempts,
                InitialDelay = TimeSpan.FromSeconds(initialSeconds),
                MaxDelay = TimeSpan.FromSeconds(maxSeconds),
                Multiplier = multiplier,
            },
        };

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Network.NewChaincodeEventsRequest(EventsTestGateway.ChaincodeName, options));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ParamName, Is.EqualTo("options"));
            Assert.That(ex.Message, Does.Contain("ResumePolicy."));
        });
    }

    [Test]
    public void NewChaincodeEventsRequest_InvalidResumePolicyWithoutResume_Accepted()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var options = new ChaincodeEventsOptions { ResumePolicy = new EventsResumePolicy { MaxAttempts = 0 } };

        // Act
        var request = test.Network.NewChaincodeEventsRequest(EventsTestGateway.ChaincodeName, options);

        // Assert
        Assert.That(request.ResumesOnFailure, Is.False);
    }

    private static ChaincodeEventsRequestMessage Unsigned(Client.Events.ChaincodeEventsRequest request) =>
        ChaincodeEventsRequestMessage.Parser.ParseFrom(SignedChaincodeEventsRequest.Parser.ParseFrom(request.GetBytes()).Request);

    private static TestAsyncStreamReader<ChaincodeEventsResponse> FailingStream()
    {
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        stream.Complete(FabricResponses.RpcFailure(StatusCode.Unavailable, "failed to connect to all addresses"));
        return stream;
    }

    private static void AnswerWith(EventsTestGateway test, params TestAsyncStreamReader<ChaincodeEventsResponse>[] streams)
    {
        var queue = new ConcurrentQueue<TestAsyncStreamReader<ChaincodeEventsResponse>>(streams);
        test.GatewayService.ChaincodeEvents = (_, _) => queue.TryDequeue(out var stream) ? stream : new TestAsyncStreamReader<ChaincodeEventsResponse>();
    }

    /// <summary>Reads the chaincode name and arguments an evaluate request invokes.</summary>
    internal static (string Chaincode, string[] Args) InvokedChaincode(EvaluateRequest request)
    {
        var proposal = PeerProposal.Parser.ParseFrom(request.ProposedTransaction.ProposalBytes);
        var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
        var spec = ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input).ChaincodeSpec;
        return (spec.ChaincodeId.Name, [.. spec.Input.Args.Select(arg => arg.ToStringUtf8())]);
    }
}
