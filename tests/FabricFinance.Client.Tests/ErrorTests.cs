using FabricFinance.Client.Errors;
using FabricFinance.Client.Tests.Infrastructure;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Gateway;
using ErrorDetail = FabricFinance.Client.Errors.ErrorDetail;

namespace FabricFinance.Client.Tests;

/// <summary>How gateway failures and cancellation reach the caller.</summary>
public class ErrorTests
{
    private static readonly ErrorDetail Peer1 = new(
        "peer0.org1.example.com:7051",
        "Org1MSP",
        "chaincode response 500, INVALID_ARGUMENT: bill bill-1 already exists");

    private static readonly ErrorDetail Peer2 = new(
        "peer0.org2.example.com:9051",
        "Org2MSP",
        "chaincode response 500, INVALID_ARGUMENT: bill bill-1 already exists");

    [Test]
    public void EndorseAsync_GatewayFailsWithErrorDetails_ThrowsEndorseExceptionWithDetailsAndTransactionId()
    {
        // Arrange
        using var test = new TestGateway();
        var failure = FabricResponses.RpcFailure(StatusCode.Aborted, "failed to endorse transaction, see attached details for more info", Peer1, Peer2);
        test.Invoker.Endorse = (_, _) => Task.FromException<EndorseResponse>(failure);
        var proposal = test.Contract.NewProposal("Issue");

        // Act
        var ex = Assert.ThrowsAsync<EndorseException>(async () => await proposal.EndorseAsync().DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.TransactionId, Is.EqualTo(proposal.TransactionId));
            Assert.That(ex.StatusCode, Is.EqualTo(StatusCode.Aborted));
            Assert.That(ex.Details, Is.EqualTo(new[] { Peer1, Peer2 }));
            Assert.That(ex.InnerException, Is.SameAs(failure));
            Assert.That(ex.Message, Does.Contain(proposal.TransactionId)
                .And.Contain("failed to endorse transaction")
                .And.Contain("peer0.org1.example.com:7051 (Org1MSP): chaincode response 500, INVALID_ARGUMENT: bill bill-1 already exists")
                .And.Contain("peer0.org2.example.com:9051 (Org2MSP)"));
        });
    }

    [Test]
    public void SubmitTransactionAsync_EndorseFails_ThrowsEndorseExceptionAndSubmitsNothing()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Endorse = (_, _) => Task.FromException<EndorseResponse>(FabricResponses.RpcFailure(StatusCode.Aborted, "failed to endorse", Peer1));

        // Act
        var ex = Assert.ThrowsAsync<EndorseException>(async () => await test.Contract.SubmitTransactionAsync("Issue", ["bill-1"]).DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Details, Has.Count.EqualTo(1));
            Assert.That(test.Invoker.MethodNames, Is.EqualTo(new[] { "Endorse" }));
        });
    }

    [Test]
    public void EvaluateAsync_GatewayFails_ThrowsTransactionExceptionWithDetails()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Evaluate = (_, _) => Task.FromException<EvaluateResponse>(
            FabricResponses.RpcFailure(StatusCode.Unknown, "evaluate call to endorser returned error: chaincode response 500, no such bill", Peer1));

        // Act
        var ex = Assert.ThrowsAsync<TransactionException>(async () => await test.Contract.EvaluateTransactionAsync("ReadBill", ["x"]).DefaultTimeout());

        // Assert
        var txId = test.Invoker.RequestsOf<EvaluateRequest>().Single().TransactionId;
        Assert.Multiple(() =>
        {
            Assert.That(ex!.GetType(), Is.EqualTo(typeof(TransactionException)));
            Assert.That(ex.TransactionId, Is.EqualTo(txId));
            Assert.That(ex.StatusCode, Is.EqualTo(StatusCode.Unknown));
            Assert.That(ex.Details, Is.EqualTo(new[] { Peer1 }));
            Assert.That(ex.Message, Does.Contain("no such bill"));
        });
    }

    [Test]
    public void SubmitAsync_SubmitFails_ThrowsSubmitException()
    {
        // Arrange
        using var test = new TestGateway();
        var ordererDetail = new ErrorDetail("orderer.example.com:7050", "OrdererMSP", "connection refused");
        test.Invoker.Submit = (_, _) => Task.FromException<SubmitResponse>(
            FabricResponses.RpcFailure(StatusCode.Unavailable, "no orderers could successfully process transaction", ordererDetail));

        // Act
        var ex = Assert.ThrowsAsync<SubmitException>(async () => await test.Contract.SubmitAsync("Issue").DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.TransactionId, Is.EqualTo(test.Invoker.RequestsOf<SubmitRequest>().Single().TransactionId));
            Assert.That(ex.StatusCode, Is.EqualTo(StatusCode.Unavailable));
            Assert.That(ex.Details, Is.EqualTo(new[] { ordererDetail }));
            Assert.That(test.Invoker.MethodNames, Is.EqualTo(new[] { "Endorse", "Submit" }));
        });
    }

    [Test]
    public async Task GetStatusAsync_DeadlineExceeded_ThrowsCommitStatusException()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.CommitStatus = (_, _) => Task.FromException<CommitStatusResponse>(
            new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")));
        var submitted = await test.Contract.StartSubmitAsync("Issue").DefaultTimeout();

        // Act
        var ex = Assert.ThrowsAsync<CommitStatusException>(async () => await submitted.GetStatusAsync().DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.TransactionId, Is.EqualTo(submitted.TransactionId));
            Assert.That(ex.StatusCode, Is.EqualTo(StatusCode.DeadlineExceeded));
            Assert.That(ex.Details, Is.Empty);
            Assert.That(ex.Message, Does.Contain("DeadlineExceeded").And.Contain("Deadline Exceeded"));
        });
    }

    [Test]
    public void EndorseAsync_FailureWithoutStatusDetails_DetailsEmpty()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Endorse = (_, _) => Task.FromException<EndorseResponse>(new RpcException(new Status(StatusCode.Unavailable, "connection refused")));

        // Act
        var ex = Assert.ThrowsAsync<EndorseException>(async () => await test.Contract.NewProposal("Issue").EndorseAsync().DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Details, Is.Empty);
            Assert.That(ex.StatusCode, Is.EqualTo(StatusCode.Unavailable));
            Assert.That(ex.Message, Does.Contain("connection refused"));
        });
    }

    [Test]
    public void EvaluateAsync_TokenCancelledDuringCall_ThrowsOperationCanceledExceptionForThatToken()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Evaluate = (_, options) => FakeGatewayInvoker.UntilCancelled<EvaluateResponse>(options);
        using var cancellation = new CancellationTokenSource();
        var evaluation = test.Contract.EvaluateAsync("ReadBill", cancellationToken: cancellation.Token);

        // Act
        cancellation.Cancel();

        // Assert
        var ex = Assert.CatchAsync<OperationCanceledException>(async () => await evaluation.DefaultTimeout());
        Assert.Multiple(() =>
        {
            Assert.That(ex!.CancellationToken, Is.EqualTo(cancellation.Token));
            Assert.That(ex.InnerException, Is.TypeOf<RpcException>());
        });
    }

    [Test]
    public void SubmitAsync_TokenCancelledWhileWaitingForCommit_ThrowsOperationCanceledException()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.CommitStatus = (_, options) => FakeGatewayInvoker.UntilCancelled<CommitStatusResponse>(options);
        using var cancellation = new CancellationTokenSource();

        // Act
        var submission = test.Contract.SubmitAsync("Issue", cancellationToken: cancellation.Token);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));

        // Assert
        Assert.CatchAsync<OperationCanceledException>(async () => await submission.DefaultTimeout());
        Assert.That(test.Invoker.MethodNames, Is.EqualTo(new[] { "Endorse", "Submit", "CommitStatus" }));
    }

    [Test]
    public void EvaluateAsync_TokenAlreadyCancelled_ThrowsOperationCanceledExceptionWithoutCalling()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        Assert.CatchAsync<OperationCanceledException>(async () =>
            await test.Contract.EvaluateAsync("ReadBill", cancellationToken: new CancellationToken(canceled: true)).DefaultTimeout());

        // Assert
        Assert.That(test.Invoker.Calls, Is.Empty);
    }

    [Test]
    public void EvaluateAsync_ServerCancelledWithoutCallerCancelling_ThrowsTransactionException()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Evaluate = (_, _) => Task.FromException<EvaluateResponse>(new RpcException(new Status(StatusCode.Cancelled, "peer shutting down")));

        // Act
        var ex = Assert.ThrowsAsync<TransactionException>(async () => await test.Contract.EvaluateAsync("ReadBill").DefaultTimeout());

        // Assert
        Assert.That(ex!.StatusCode, Is.EqualTo(StatusCode.Cancelled));
    }

    [Test]
    public void EvaluateAsync_GatewayDisposed_ThrowsObjectDisposedException()
    {
        // Arrange
        using var test = new TestGateway();
        var contract = test.Contract;
        test.Gateway.Dispose();

        // Act and Assert
        Assert.ThrowsAsync<ObjectDisposedException>(async () => await contract.EvaluateAsync("ReadBill").DefaultTimeout());
        Assert.That(test.Invoker.Calls, Is.Empty);
    }
}
