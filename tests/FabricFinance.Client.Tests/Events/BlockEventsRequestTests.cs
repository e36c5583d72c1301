using System.Security.Cryptography;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Events;
using FabricFinance.Client.Tests.Infrastructure;
using FabricFinance.Client.Tests.Ledger;
using Google.Protobuf;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Orderer;
using Hyperledger.Fabric.Protos.Peer;
using DeliverResponse = Hyperledger.Fabric.Protos.Peer.DeliverResponse;
using ErrorDetail = FabricFinance.Client.Errors.ErrorDetail;
using FabricStatus = Hyperledger.Fabric.Protos.Common.Status;

namespace FabricFinance.Client.Tests.Events;

public class BlockEventsRequestTests
{
    private static readonly EventsResumePolicy Immediately = new() { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockEventsAsync_StartBlock_SendsSignedSeekEnvelopeOnDeliver()
    {
        // Arrange
        var tlsHash = SHA256.HashData("client tls certificate"u8);
        using var test = new EventsTestGateway(configure: options => options.TlsClientCertificateHash = tlsHash);
        var stream = Blocks(5);
        test.Invoker.AnswerDeliverWith(stream);

        // Act
        var blocks = await test.Network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 5 }).TakeAsync(1);

        // Assert
        var call = test.Invoker.DeliverCalls.Single();
        var envelope = call.Requests.Single();
        var payload = Payload.Parser.ParseFrom(envelope.Payload);
        var channelHeader = ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader);
        var signatureHeader = SignatureHeader.Parser.ParseFrom(payload.Header.SignatureHeader);
        var seekInfo = SeekInfo.Parser.ParseFrom(payload.Data);
        var expectedTxId = Convert.ToHexStringLower(SHA256.HashData([.. signatureHeader.Nonce, .. signatureHeader.Creator]));
        Assert.Multiple(() =>
        {
            Assert.That(blocks.Single().Header.Number, Is.EqualTo(5UL));
            Assert.That(call.Method, Is.EqualTo("Deliver"));
            Assert.That(call.RequestStreamCompleted, Is.True, "one seek request, then the client closes its side");
            Assert.That(call.Options.Deadline, Is.Null, "event streams are long-lived");
            Assert.That(channelHeader.Type, Is.EqualTo((int)HeaderType.DeliverSeekInfo));
            Assert.That(channelHeader.ChannelId, Is.EqualTo(EventsTestGateway.ChannelName));
            Assert.That(channelHeader.Timestamp.ToDateTimeOffset(), Is.EqualTo(TestGateway.Now), "the gateway's clock");
            Assert.That(channelHeader.TxId, Is.EqualTo(expectedTxId));
            Assert.That(channelHeader.TlsCertHash.ToByteArray(), Is.EqualTo(tlsHash));
            Assert.That(signatureHeader.Creator, Is.EqualTo(test.Creator));
            Assert.That(signatureHeader.Nonce.Length, Is.EqualTo(24));
            Assert.That(seekInfo.Start.Specified.Number, Is.EqualTo(5UL));
            Assert.That(seekInfo.Stop.Specified.Number, Is.EqualTo(ulong.MaxValue));
            Assert.That(seekInfo.Behavior, Is.EqualTo(SeekInfo.Types.SeekBehavior.BlockUntilReady));
            Assert.That(test.IsValidSignature(envelope.Payload, envelope.Signature), Is.True);
        });
    }

    [Test]
    public void NewBlockEventsRequest_NoOptions_StartsAtNextCommitWithoutTlsHash()
    {
        // Arrange
        using var test = new EventsTestGateway();

        // Act
        var request = test.Network.NewBlockEventsRequest();

        // Assert
        var payload = Payload.Parser.ParseFrom(Envelope.Parser.ParseFrom(request.GetBytes()).Payload);
        Assert.Multiple(() =>
        {
            Assert.That(SeekInfo.Parser.ParseFrom(payload.Data).Start.TypeCase, Is.EqualTo(SeekPosition.TypeOneofCase.NextCommit));
            Assert.That(ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader).TlsCertHash.IsEmpty, Is.True);
            Assert.That(request.StartBlock, Is.Null);
            Assert.That(request.ChannelName, Is.EqualTo(EventsTestGateway.ChannelName));
            Assert.That(request.ResumesOnFailure, Is.False);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task NewBlockEventsRequest_Checkpoint_StartsAtCheckpointBlock()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var checkpointer = new InMemoryCheckpointer();
        await checkpointer.CheckpointBlockAsync(30);

        // Act
        var request = test.Network.NewBlockEventsRequest(new BlockEventsOptions { Checkpoint = checkpointer, StartBlock = 2 });

        // Assert
        Assert.That(StartOf(request.GetBytes()).Specified.Number, Is.EqualTo(31UL));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetFilteredBlockEventsAsync_Stream_CallsDeliverFilteredAndYieldsFilteredBlocks()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var stream = new TestAsyncStreamReader<DeliverResponse>();
        stream.Write(new DeliverResponse
        {
            FilteredBlock = new FilteredBlock
            {
                ChannelId = EventsTestGateway.ChannelName,
                Number = 3,
                FilteredTransactions = { new FilteredTransaction { Txid = "tx-3", Type = HeaderType.EndorserTransaction, TxValidationCode = TxValidationCode.MvccReadConflict } },
            },
        });
        test.Invoker.AnswerDeliverWith(stream);

        // Act
        var blocks = await test.Network.GetFilteredBlockEventsAsync(new BlockEventsOptions { StartBlock = 3 }).TakeAsync(1);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(test.Invoker.DeliverCalls.Single().Method, Is.EqualTo("DeliverFiltered"));
            Assert.That(blocks.Single().FilteredTransactions.Single().TxValidationCode, Is.EqualTo(TxValidationCode.MvccReadConflict));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockAndPrivateDataEventsAsync_Stream_CallsDeliverWithPrivateDataAndYieldsBlocksWithPrivateData()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var stream = new TestAsyncStreamReader<DeliverResponse>();
        var withPrivateData = new BlockAndPrivateData { Block = TestBlocks.Block(4, "tx-4") };
        withPrivateData.PrivateDataMap.Add(0, new Hyperledger.Fabric.Protos.Ledger.Rwset.TxPvtReadWriteSet());
        stream.Write(new DeliverResponse { BlockAndPrivateData = withPrivateData });
        test.Invoker.AnswerDeliverWith(stream);

        // Act
        var blocks = await test.Network.GetBlockAndPrivateDataEventsAsync(new BlockEventsOptions { StartBlock = 4 }).TakeAsync(1);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(test.Invoker.DeliverCalls.Single().Method, Is.EqualTo("DeliverWithPrivateData"));
            Assert.That(blocks.Single().Block.Header.Number, Is.EqualTo(4UL));
            Assert.That(blocks.Single().PrivateDataMap.Keys, Is.EqualTo(new[] { 0UL }));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockEventsAsync_SuccessStatus_EndsEnumerationNormally()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var stream = Blocks(1, 2);
        stream.Write(new DeliverResponse { Status = FabricStatus.Success });
        test.Invoker.AnswerDeliverWith(stream);

        // Act
        var blocks = await test.Network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 1 }).TakeAsync(10);

        // Assert
        Assert.That(blocks.Select(b => b.Header.Number), Is.EqualTo(new[] { 1UL, 2UL }));
    }

    [TestCase(FabricStatus.Forbidden, DeliverStatus.Forbidden, StatusCode.PermissionDenied)]
    [TestCase(FabricStatus.NotFound, DeliverStatus.NotFound, StatusCode.NotFound)]
    [TestCase(FabricStatus.BadRequest, DeliverStatus.BadRequest, StatusCode.InvalidArgument)]
    [TestCase(FabricStatus.ServiceUnavailable, DeliverStatus.ServiceUnavailable, StatusCode.Unavailable)]
    public void GetBlockEventsAsync_FailureStatusAfterBlocks_BlocksThenBlockEventsExceptionCarryingIt(FabricStatus sent, DeliverStatus expected, StatusCode code)
    {
        // Arrange
        using var test = new EventsTestGateway();
        var stream = Blocks(1);
        stream.Write(new DeliverResponse { Status = sent });
        test.Invoker.AnswerDeliverWith(stream);
        var received = new List<Block>();

        // Act
        var ex = Assert.ThrowsAsync<BlockEventsException>(async () =>
        {
            await foreach (var block in test.Network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 1 }))
            {
                received.Add(block);
            }
        });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(received, Has.Count.EqualTo(1));
            Assert.That(ex!.Status, Is.EqualTo(expected));
            Assert.That(ex.StatusCode, Is.EqualTo(code));
            Assert.That(ex.Message, Does.Contain(expected.ToString()).And.Contain(EventsTestGateway.ChannelName));
        });
    }

    [Test]
    public void GetBlockEventsAsync_CallFails_GatewayExceptionWithStatusAndDetails()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var stream = new TestAsyncStreamReader<DeliverResponse>();
        var detail = new ErrorDetail("peer0.org1.example.com:7051", "Org1MSP", "deliver failed");
        stream.Complete(FabricResponses.RpcFailure(StatusCode.Unavailable, "connection refused", detail));
        test.Invoker.AnswerDeliverWith(stream);

        // Act
        var ex = Assert.ThrowsAsync<GatewayException>(async () => await test.Network.GetBlockEventsAsync().TakeAsync(1));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<BlockEventsException>());
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Unavailable));
            Assert.That(ex.Details, Is.EqualTo(new[] { detail }));
            Assert.That(ex.Message, Does.Contain("connection refused").And.Contain("deliver failed"));
            Assert.That(ex.InnerException, Is.InstanceOf<RpcException>());
        });
    }

    [Test]
    public void GetBlockEventsAsync_WrongMessageType_ThrowsGatewayException()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var stream = new TestAsyncStreamReader<DeliverResponse>();
        stream.Write(new DeliverResponse { FilteredBlock = new FilteredBlock { Number = 1 } });
        test.Invoker.AnswerDeliverWith(stream);

        // Act
        var ex = Assert.ThrowsAsync<GatewayException>(async () => await test.Network.GetBlockEventsAsync().TakeAsync(1));

        // Assert
        Assert.That(ex!.Message, Does.Contain("FilteredBlock"));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockEventsAsync_TokenCancelledWhileWaiting_ThrowsOperationCanceledExceptionForThatToken()
    {
        // Arrange
        using var test = new EventsTestGateway();
        test.Invoker.AnswerDeliverWith(Blocks(1));
        using var cancellation = new CancellationTokenSource();
        await using var blocks = test.Network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 1 }, cancellation.Token).GetAsyncEnumerator();
        Assert.That(await blocks.MoveNextAsync().AsTask().DefaultTimeout(), Is.True);
        var waiting = blocks.MoveNextAsync().AsTask();

        // Act
        await cancellation.CancelAsync();

        // Assert
        var ex = Assert.CatchAsync<OperationCanceledException>(async () => await waiting.DefaultTimeout());
        Assert.That(ex!.CancellationToken, Is.EqualTo(cancellation.Token));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockEventsAsync_GatewayDisposedWhileWaiting_ThrowsOperationCanceledException()
    {
        // Arrange
        using var test = new EventsTestGateway();
        await using var blocks = test.Network.GetBlockEventsAsync().GetAsyncEnumerator();
        var waiting = blocks.MoveNextAsync().AsTask();
        await EventsAssert.EventuallyAsync(() => !test.Invoker.DeliverCalls.IsEmpty, "the stream is open");

        // Act
        test.Gateway.Dispose();

        // Assert
        var ex = Assert.CatchAsync<OperationCanceledException>(async () => await waiting.DefaultTimeout());
        Assert.That(ex!.Message, Does.Contain("disposed"));
    }

    [Test]
    public void GetBlockEventsAsync_GatewayAlreadyDisposed_ThrowsObjectDisposedException()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var request = test.Network.NewBlockEventsRequest();
        test.Gateway.Dispose();

        // Act and Assert
        Assert.ThrowsAsync<ObjectDisposedException>(async () => await request.GetEventsAsync().TakeAsync(1));
    }

    [Test]
    public void GetBlockEventsAsync_WithoutSigner_ThrowsInvalidOperationException()
    {
        // Arrange
        using var test = new EventsTestGateway(withSigner: false);

        // Act and Assert
        Assert.ThrowsAsync<InvalidOperationException>(async () => await test.Network.GetBlockEventsAsync().TakeAsync(1));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockEventsAsync_ResumeAfterUnavailable_ReconnectsFromNextBlockWithFreshSignedRequest()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var first = Blocks(5, 6);
        first.Complete(FabricResponses.RpcFailure(StatusCode.Unavailable, "Error reading next message. IOException: connection reset"));
        var second = Blocks(7);
        test.Invoker.AnswerDeliverWith(first, second);
        var options = new BlockEventsOptions
        {
            StartBlock = 5,
            ResumeOnFailure = true,
            ResumePolicy = new EventsResumePolicy { InitialDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(2) },
        };
        await using var blocks = test.Network.GetBlockEventsAsync(options).GetAsyncEnumerator();
        var received = new List<ulong>();
        for (var i = 0; i < 2; i++)
        {
            Assert.That(await blocks.MoveNextAsync().AsTask().DefaultTimeout(), Is.True);
            received.Add(blocks.Current.Header.Number);
        }

        // Act
        var next = blocks.MoveNextAsync().AsTask();
        await test.Time.WaitForTimerAsync();
        test.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await next.DefaultTimeout(), Is.True);
        received.Add(blocks.Current.Header.Number);

        // Assert
        var calls = test.Invoker.DeliverCalls.ToArray();
        var firstHeader = HeaderOf(calls[0].Requests.Single());
        var secondHeader = HeaderOf(calls[1].Requests.Single());
        Assert.Multiple(() =>
        {
            Assert.That(received, Is.EqualTo(new[] { 5UL, 6UL, 7UL }), "no gap and no duplicate");
            Assert.That(calls.Select(c => c.Method), Is.EqualTo(new[] { "Deliver", "Deliver" }));
            Assert.That(StartOf(calls[1].Requests.Single()).Specified.Number, Is.EqualTo(7UL));
            Assert.That(secondHeader.Timestamp.ToDateTimeOffset(), Is.EqualTo(TestGateway.Now.AddSeconds(2)), "timestamped when sent");
            Assert.That(secondHeader.TxId, Is.Not.EqualTo(firstHeader.TxId));
            Assert.That(test.IsValidSignature(calls[1].Requests.Single().Payload, calls[1].Requests.Single().Signature), Is.True);
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetFilteredBlockEventsAsync_ResumeBeforeFirstBlock_ResendsSameStartWithNewRequest()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var first = new TestAsyncStreamReader<DeliverResponse>();
        first.Complete(FabricResponses.RpcFailure(StatusCode.Unavailable, "peer down"));
        var second = new TestAsyncStreamReader<DeliverResponse>();
        second.Write(new DeliverResponse { FilteredBlock = new FilteredBlock { Number = 9 } });
        test.Invoker.AnswerDeliverWith(first, second);
        var options = new BlockEventsOptions { StartBlock = 9, ResumeOnFailure = true, ResumePolicy = Immediately };

        // Act
        var blocks = await test.Network.GetFilteredBlockEventsAsync(options).TakeAsync(1);

        // Assert
        var calls = test.Invoker.DeliverCalls.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(blocks.Single().Number, Is.EqualTo(9UL));
            Assert.That(calls.Select(c => c.Method), Is.EqualTo(new[] { "DeliverFiltered", "DeliverFiltered" }));
            Assert.That(calls.Select(c => StartOf(c.Requests.Single()).Specified.Number), Is.EqualTo(new[] { 9UL, 9UL }));
            Assert.That(HeaderOf(calls[1].Requests.Single()).TxId, Is.Not.EqualTo(HeaderOf(calls[0].Requests.Single()).TxId));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task GetBlockEventsAsync_ResumeFromNextCommit_StartsAtLedgerHeight()
    {
        // Arrange
        using var test = new EventsTestGateway();
        test.GatewayService.Evaluate = (_, _) => Task.FromResult(FabricResponses.Evaluated(new BlockchainInfo { Height = 12 }.ToByteArray()));
        test.Invoker.AnswerDeliverWith(Blocks(12));

        // Act
        var blocks = await test.Network.GetBlockEventsAsync(new BlockEventsOptions { ResumeOnFailure = true }).TakeAsync(1);

        // Assert
        var evaluate = test.GatewayService.RequestsOf<EvaluateRequest>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(blocks.Single().Header.Number, Is.EqualTo(12UL));
            Assert.That(ChaincodeEventsRequestTests.InvokedChaincode(evaluate), Is.EqualTo(("qscc", new[] { "GetChainInfo", EventsTestGateway.ChannelName })));
            Assert.That(StartOf(test.Invoker.DeliverCalls.Single().Requests.Single()).Specified.Number, Is.EqualTo(12UL));
        });
    }

    [Test]
    public void GetBlockEventsAsync_ResumeForbidden_ThrowsWithoutReconnecting()
    {
        // Arrange
        using var test = new EventsTestGateway();
        var stream = new TestAsyncStreamReader<DeliverResponse>();
        stream.Write(new DeliverResponse { Status = FabricStatus.Forbidden });
        test.Invoker.AnswerDeliverWith(stream);
        var options = new BlockEventsOptions { StartBlock = 0, ResumeOnFailure = true, ResumePolicy = Immediately };

        // Act
        var ex = Assert.ThrowsAsync<BlockEventsException>(async () => await test.Network.GetBlockEventsAsync(options).TakeAsync(1));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Status, Is.EqualTo(DeliverStatus.Forbidden));
            Assert.That(test.Invoker.DeliverCalls, Has.Count.EqualTo(1));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task NewSignedBlockEventsRequest_OfflineSignature_EnvelopeCarriesIt()
    {
        // Arrange
        using var test = new EventsTestGateway(withSigner: false);
        test.Invoker.AnswerDeliverWith(Blocks(2));
        var unsigned = test.Network.NewBlockEventsRequest(new BlockEventsOptions { StartBlock = 2 });
        var signature = await test.User.Signer.SignAsync(unsigned.GetDigest());

        // Act
        var signed = test.Gateway.NewSignedBlockEventsRequest(unsigned.GetBytes(), signature);
        var blocks = await signed.GetEventsAsync().TakeAsync(1);

        // Assert
        var envelope = test.Invoker.DeliverCalls.Single().Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(blocks.Single().Header.Number, Is.EqualTo(2UL));
            Assert.That(envelope.Payload, Is.EqualTo(Envelope.Parser.ParseFrom(unsigned.GetBytes()).Payload));
            Assert.That(envelope.Signature.ToByteArray(), Is.EqualTo(signature));
            Assert.That(test.IsValidSignature(envelope.Payload, envelope.Signature), Is.True);
            Assert.That(signed.StartBlock, Is.EqualTo(2UL));
            Assert.That(signed.GetDigest(), Is.EqualTo(SHA256.HashData(envelope.Payload.Span)));
        });
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task NewSignedFilteredAndPrivateDataRequests_OfflineSignature_UseTheirOwnCalls()
    {
        // Arrange
        using var test = new EventsTestGateway(withSigner: false);
        var filtered = new TestAsyncStreamReader<DeliverResponse>();
        filtered.Write(new DeliverResponse { FilteredBlock = new FilteredBlock { Number = 1 } });
        var withPrivateData = new TestAsyncStreamReader<DeliverResponse>();
        withPrivateData.Write(new DeliverResponse { BlockAndPrivateData = new BlockAndPrivateData { Block = TestBlocks.Block(1, "tx-1") } });
        test.Invoker.AnswerDeliverWith(filtered, withPrivateData);
        var unsignedFiltered = test.Network.NewFilteredBlockEventsRequest(new BlockEventsOptions { StartBlock = 1 });
        var unsignedPrivate = test.Network.NewBlockAndPrivateDataEventsRequest(new BlockEventsOptions { StartBlock = 1 });

        // Act
        var signedFiltered = test.Gateway.NewSignedFilteredBlockEventsRequest(unsignedFiltered.GetBytes(), await test.User.Signer.SignAsync(unsignedFiltered.GetDigest()));
        var filteredBlocks = await signedFiltered.GetEventsAsync().TakeAsync(1);
        var signedPrivate = test.Gateway.NewSignedBlockAndPrivateDataEventsRequest(unsignedPrivate.GetBytes(), await test.User.Signer.SignAsync(unsignedPrivate.GetDigest()));
        var privateBlocks = await signedPrivate.GetEventsAsync().TakeAsync(1);

        // Assert
        var calls = test.Invoker.DeliverCalls.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Method), Is.EqualTo(new[] { "DeliverFiltered", "DeliverWithPrivateData" }));
            Assert.That(calls.All(c => test.IsValidSignature(c.Requests.Single().Payload, c.Requests.Single().Signature)), Is.True);
            Assert.That(filteredBlocks.Single().Number, Is.EqualTo(1UL));
            Assert.That(privateBlocks.Single().Block.Header.Number, Is.EqualTo(1UL));
        });
    }

    [Test]
    public void NewSignedBlockEventsRequest_NotASeekEnvelope_ThrowsArgumentExceptionNamingBytes()
    {
        // Arrange
        using var test = new EventsTestGateway(withSigner: false);
        var notSeek = TestBlocks.EndorserTransaction("tx-1").ToByteArray();

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Gateway.NewSignedBlockEventsRequest(notSeek, new byte[] { 1 }));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ParamName, Is.EqualTo("bytes"));
            Assert.That(ex.Message, Does.Contain("DELIVER_SEEK_INFO"));
        });
    }

    private static TestAsyncStreamReader<DeliverResponse> Blocks(params ulong[] numbers)
    {
        var stream = new TestAsyncStreamReader<DeliverResponse>();
        foreach (var number in numbers)
        {
            stream.Write(new DeliverResponse { Block = TestBlocks.Block(number, $"tx-{number}") });
        }

        return stream;
    }

    private static SeekPosition StartOf(byte[] envelopeBytes) => StartOf(Envelope.Parser.ParseFrom(envelopeBytes));

    private static SeekPosition StartOf(Envelope envelope) =>
        SeekInfo.Parser.ParseFrom(Payload.Parser.ParseFrom(envelope.Payload).Data).Start;

    private static ChannelHeader HeaderOf(Envelope envelope) =>
        ChannelHeader.Parser.ParseFrom(Payload.Parser.ParseFrom(envelope.Payload).Header.ChannelHeader);
}
