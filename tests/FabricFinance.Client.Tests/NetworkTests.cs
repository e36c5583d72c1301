using FabricFinance.Client.Errors;
using FabricFinance.Client.Tests.Infrastructure;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Orderer;
using ErrorDetail = FabricFinance.Client.Errors.ErrorDetail;

namespace FabricFinance.Client.Tests;

public class NetworkTests
{
    [Test]
    public async Task GetChaincodeEventsAsync_StreamDeliversBlocks_YieldsEachEventWithItsBlockNumber()
    {
        // Arrange
        using var test = new TestGateway();
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        test.Invoker.ChaincodeEvents = (_, _) => stream;
        stream.Write(FabricResponses.Events(10, ("tx1", "Issued", "bill-1"), ("tx2", "Issued", "bill-2")));
        stream.Write(FabricResponses.Events(12, ("tx3", "Transferred", "bill-1")));
        stream.Complete();

        // Act
        var events = await test.Network.GetChaincodeEventsAsync(TestGateway.ChaincodeName).TakeAsync(10);

        // Assert
        Assert.That(events.Select(e => (e.BlockNumber, e.TransactionId, e.ChaincodeName, e.EventName, Payload: System.Text.Encoding.UTF8.GetString(e.Payload.Span))), Is.EqualTo(new[]
        {
            (10UL, "tx1", "bills", "Issued", "bill-1"),
            (10UL, "tx2", "bills", "Issued", "bill-2"),
            (12UL, "tx3", "bills", "Transferred", "bill-1"),
        }));
        Assert.That(stream.Disposed, Is.True, "the call is disposed when enumeration ends");
    }

    [Test]
    public async Task GetChaincodeEventsAsync_DefaultOptions_SignedRequestStartsAtNextCommit()
    {
        // Arrange
        using var test = new TestGateway();
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        stream.Complete();
        test.Invoker.ChaincodeEvents = (_, _) => stream;

        // Act
        await test.Network.GetChaincodeEventsAsync(TestGateway.ChaincodeName).TakeAsync(1);

        // Assert
        var signed = test.Invoker.RequestsOf<SignedChaincodeEventsRequest>().Single();
        var request = ChaincodeEventsRequest.Parser.ParseFrom(signed.Request);
        Assert.Multiple(() =>
        {
            Assert.That(request.ChannelId, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(request.ChaincodeId, Is.EqualTo(TestGateway.ChaincodeName));
            Assert.That(request.Identity, Is.EqualTo(test.Creator));
            Assert.That(request.StartPosition.TypeCase, Is.EqualTo(SeekPosition.TypeOneofCase.NextCommit));
            Assert.That(request.AfterTransactionId, Is.Empty);
            Assert.That(test.IsValidSignature(signed.Request, signed.Signature), Is.True);
            Assert.That(test.Invoker.OptionsOf("ChaincodeEvents").Deadline, Is.Null, "event streams are long-lived");
        });
    }

    [Test]
    public async Task GetChaincodeEventsAsync_Checkpoint_RequestStartsAtBlockAfterTransaction()
    {
        // Arrange
        using var test = new TestGateway();
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        stream.Complete();
        test.Invoker.ChaincodeEvents = (_, _) => stream;
        var options = new ChaincodeEventsOptions { StartBlock = 101, AfterTransactionId = "tx9" };

        // Act
        await test.Network.GetChaincodeEventsAsync(TestGateway.ChaincodeName, options).TakeAsync(1);

        // Assert
        var request = ChaincodeEventsRequest.Parser.ParseFrom(test.Invoker.RequestsOf<SignedChaincodeEventsRequest>().Single().Request);
        Assert.Multiple(() =>
        {
            Assert.That(request.StartPosition.Specified.Number, Is.EqualTo(101UL));
            Assert.That(request.AfterTransactionId, Is.EqualTo("tx9"));
        });
    }

    [Test]
    public void GetChaincodeEventsAsync_StreamFailsAfterEvents_EventsThenGatewayExceptionWithDetails()
    {
        // Arrange
        using var test = new TestGateway();
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        test.Invoker.ChaincodeEvents = (_, _) => stream;
        stream.Write(FabricResponses.Events(5, ("tx1", "Issued", "")));
        var detail = new ErrorDetail("peer0.org1.example.com:7051", "Org1MSP", "ledger iterator closed");
        stream.Complete(FabricResponses.RpcFailure(StatusCode.Aborted, "failed to read events", detail));
        var received = new List<ChaincodeEvent>();

        // Act
        var ex = Assert.ThrowsAsync<GatewayException>(async () =>
        {
            await foreach (var chaincodeEvent in test.Network.GetChaincodeEventsAsync(TestGateway.ChaincodeName).WithCancellation(CancellationToken.None))
            {
                received.Add(chaincodeEvent);
            }
        });

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(received.Select(e => e.TransactionId), Is.EqualTo(new[] { "tx1" }));
            Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Aborted));
            Assert.That(ex.Details, Is.EqualTo(new[] { detail }));
            Assert.That(ex.Message, Does.Contain("failed to read events").And.Contain("ledger iterator closed"));
        });
    }

    [Test]
    public async Task GetChaincodeEventsAsync_TokenCancelledWhileWaiting_ThrowsOperationCanceledException()
    {
        // Arrange
        using var test = new TestGateway();
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        test.Invoker.ChaincodeEvents = (_, _) => stream;
        stream.Write(FabricResponses.Events(1, ("tx1", "Issued", "")));
        using var cancellation = new CancellationTokenSource();
        await using var events = test.Network.GetChaincodeEventsAsync(TestGateway.ChaincodeName, cancellationToken: cancellation.Token).GetAsyncEnumerator();
        Assert.That(await events.MoveNextAsync().AsTask().DefaultTimeout(), Is.True);
        var waiting = events.MoveNextAsync().AsTask();

        // Act
        await cancellation.CancelAsync();

        // Assert
        var ex = Assert.CatchAsync<OperationCanceledException>(async () => await waiting.DefaultTimeout());
        Assert.That(ex!.CancellationToken, Is.EqualTo(cancellation.Token));
    }

    [Test]
    public async Task GetChaincodeEventsAsync_GatewayDisposedWhileWaiting_ThrowsOperationCanceledException()
    {
        // Arrange
        using var test = new TestGateway();
        var stream = new TestAsyncStreamReader<ChaincodeEventsResponse>();
        test.Invoker.ChaincodeEvents = (_, _) => stream;
        await using var events = test.Network.GetChaincodeEventsAsync(TestGateway.ChaincodeName).GetAsyncEnumerator();
        var waiting = events.MoveNextAsync().AsTask();

        // Act
        test.Gateway.Dispose();

        // Assert
        var ex = Assert.CatchAsync<OperationCanceledException>(async () => await waiting.DefaultTimeout());
        Assert.That(ex!.Message, Does.Contain("disposed"));
    }

    [Test]
    public void GetChaincodeEventsAsync_WithoutSigner_EnumerationThrowsInvalidOperationException()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);

        // Act and Assert
        Assert.ThrowsAsync<InvalidOperationException>(async () => await test.Network.GetChaincodeEventsAsync(TestGateway.ChaincodeName).TakeAsync(1));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void GetChaincodeEventsAsync_MissingChaincodeName_ThrowsBeforeEnumeration(string? chaincodeName)
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.Catch<ArgumentException>(() => test.Network.GetChaincodeEventsAsync(chaincodeName!));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("chaincodeName"));
    }

    [Test]
    public void GetChaincodeEventsAsync_BlankAfterTransactionId_ThrowsArgumentException()
    {
        // Arrange
        using var test = new TestGateway();

        // Act and Assert
        Assert.Throws<ArgumentException>(() =>
            test.Network.GetChaincodeEventsAsync("bills", new ChaincodeEventsOptions { AfterTransactionId = " " }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void GetContract_MissingChaincodeName_ThrowsArgumentExceptionNamingChaincodeName(string? chaincodeName)
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.Catch<ArgumentException>(() => test.Network.GetContract(chaincodeName!));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("chaincodeName"));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("a:b")]
    public void GetContract_InvalidContractName_ThrowsArgumentExceptionNamingContractName(string contractName)
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Network.GetContract("bills", contractName));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("contractName"));
    }

    [Test]
    public void GetContract_Names_ExposedOnContract()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var contract = test.Network.GetContract("bills", "BillContract");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(contract.ChannelName, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(contract.ChaincodeName, Is.EqualTo("bills"));
            Assert.That(contract.ContractName, Is.EqualTo("BillContract"));
        });
    }
}
