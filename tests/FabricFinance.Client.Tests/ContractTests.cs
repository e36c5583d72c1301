using FabricFinance.Client.Errors;
using FabricFinance.Client.Tests.Infrastructure;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;

namespace FabricFinance.Client.Tests;

public class ContractTests
{
    [Test]
    public async Task EvaluateTransactionAsync_GatewayReturnsPayload_ReturnsPayload()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.ResultPayload = "{\"id\":\"bill-1\"}"u8.ToArray();

        // Act
        var result = await test.Contract.EvaluateTransactionAsync("ReadBill", ["bill-1"]).DefaultTimeout();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo("{\"id\":\"bill-1\"}"u8.ToArray()));
            Assert.That(test.Invoker.MethodNames, Is.EqualTo(new[] { "Evaluate" }));
            Assert.That(ArgumentsOf(test.Invoker.RequestsOf<EvaluateRequest>().Single().ProposedTransaction), Is.EqualTo(new[] { "ReadBill", "bill-1" }));
        });
    }

    [Test]
    public async Task EvaluateTransactionAsync_ParamsOverload_SendsArgumentsInOrder()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        await test.Contract.EvaluateTransactionAsync("ReadBill", "a", "b", "c").DefaultTimeout();

        // Assert
        var request = test.Invoker.RequestsOf<EvaluateRequest>().Single();
        Assert.That(ArgumentsOf(request.ProposedTransaction), Is.EqualTo(new[] { "ReadBill", "a", "b", "c" }));
    }

    [Test]
    public async Task EvaluateTransactionAsync_NoArguments_SendsFunctionNameOnly()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        await test.Contract.EvaluateTransactionAsync("ListBills").DefaultTimeout();

        // Assert
        Assert.That(ArgumentsOf(test.Invoker.RequestsOf<EvaluateRequest>().Single().ProposedTransaction), Is.EqualTo(new[] { "ListBills" }));
    }

    [Test]
    public async Task SubmitTransactionAsync_CommittedValid_ReturnsResultReadFromPreparedTransaction()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.ResultPayload = "issued"u8.ToArray();

        // Act
        var result = await test.Contract.SubmitTransactionAsync("Issue", ["bill-1", "100"]).DefaultTimeout();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo("issued"u8.ToArray()));
            Assert.That(test.Invoker.MethodNames, Is.EqualTo(new[] { "Endorse", "Submit", "CommitStatus" }));
        });
    }

    [Test]
    public async Task SubmitAsync_FullFlow_EachRequestCarriesTransactionIdChannelAndValidSignature()
    {
        // Arrange
        using var test = new TestGateway();
        var options = new ProposalOptions { EndorsingOrganizations = { "Org1MSP" } }.AddArguments("bill-1");

        // Act
        await test.Contract.SubmitAsync("Issue", options).DefaultTimeout();

        // Assert
        var endorse = test.Invoker.RequestsOf<EndorseRequest>().Single();
        var submit = test.Invoker.RequestsOf<SubmitRequest>().Single();
        var signedStatus = test.Invoker.RequestsOf<SignedCommitStatusRequest>().Single();
        var status = CommitStatusRequest.Parser.ParseFrom(signedStatus.Request);
        var txId = endorse.TransactionId;
        Assert.Multiple(() =>
        {
            Assert.That(endorse.ChannelId, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(endorse.EndorsingOrganizations, Is.EqualTo(new[] { "Org1MSP" }));
            Assert.That(test.IsValidSignature(endorse.ProposedTransaction.ProposalBytes, endorse.ProposedTransaction.Signature), Is.True);

            Assert.That(submit.TransactionId, Is.EqualTo(txId));
            Assert.That(submit.ChannelId, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(test.IsValidSignature(submit.PreparedTransaction.Payload, submit.PreparedTransaction.Signature), Is.True);

            Assert.That(status.TransactionId, Is.EqualTo(txId));
            Assert.That(status.ChannelId, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(status.Identity, Is.EqualTo(test.Creator));
            Assert.That(test.IsValidSignature(signedStatus.Request, signedStatus.Signature), Is.True);
        });
    }

    [Test]
    public async Task SubmitAsync_Deadlines_EachCallGetsItsConfiguredTimeout()
    {
        // Arrange
        using var test = new TestGateway(configure: options =>
        {
            options.EndorseTimeout = TimeSpan.FromSeconds(30);
            options.SubmitTimeout = null;
            options.CommitStatusTimeout = TimeSpan.FromMinutes(2);
        });
        var before = DateTime.UtcNow;

        // Act
        await test.Contract.SubmitAsync("Issue").DefaultTimeout();

        // Assert
        var after = DateTime.UtcNow;
        Assert.Multiple(() =>
        {
            Assert.That(test.Invoker.OptionsOf("Endorse").Deadline, Is.InRange(before.AddSeconds(30), after.AddSeconds(30)));
            Assert.That(test.Invoker.OptionsOf("Submit").Deadline, Is.Null);
            Assert.That(test.Invoker.OptionsOf("CommitStatus").Deadline, Is.InRange(before.AddMinutes(2), after.AddMinutes(2)));
        });
    }

    [Test]
    public async Task EvaluateAsync_DefaultOptions_FiveSecondDeadline()
    {
        // Arrange
        using var test = new TestGateway();
        var before = DateTime.UtcNow;

        // Act
        await test.Contract.EvaluateAsync("ReadBill").DefaultTimeout();

        // Assert
        Assert.That(test.Invoker.OptionsOf("Evaluate").Deadline, Is.InRange(before.AddSeconds(5), DateTime.UtcNow.AddSeconds(5)));
    }

    [Test]
    public void SubmitAsync_CommittedInvalid_ThrowsCommitExceptionWithCodeAndBlock()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.CommitStatus = (_, _) => Task.FromResult(FabricResponses.Committed(TxValidationCode.MvccReadConflict, 42));

        // Act
        var ex = Assert.ThrowsAsync<CommitException>(async () => await test.Contract.SubmitTransactionAsync("Transfer", ["bill-1", "Bob"]).DefaultTimeout());

        // Assert
        var txId = test.Invoker.RequestsOf<EndorseRequest>().Single().TransactionId;
        Assert.Multiple(() =>
        {
            Assert.That(ex!.TransactionId, Is.EqualTo(txId));
            Assert.That(ex.Code, Is.EqualTo(TransactionValidationCode.MvccReadConflict));
            Assert.That(ex.BlockNumber, Is.EqualTo(42UL));
            Assert.That(ex.Message, Does.Contain(txId).And.Contain("MvccReadConflict"));
        });
    }

    [Test]
    public async Task StartSubmitAsync_Submitted_ResultAvailableBeforeCommitStatusIsRequested()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.ResultPayload = "42"u8.ToArray();

        // Act
        var submitted = await test.Contract.StartSubmitAsync("Issue").DefaultTimeout();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(submitted.Result.ToArray(), Is.EqualTo("42"u8.ToArray()));
            Assert.That(test.Invoker.MethodNames, Is.EqualTo(new[] { "Endorse", "Submit" }));
        });
    }

    [Test]
    public async Task GetStatusAsync_AfterStartSubmit_ReturnsCommitStatus()
    {
        // Arrange
        using var test = new TestGateway();
        var submitted = await test.Contract.StartSubmitAsync("Issue").DefaultTimeout();

        // Act
        var status = await submitted.GetStatusAsync().DefaultTimeout();

        // Assert
        Assert.That(status, Is.EqualTo(new CommitStatus(submitted.TransactionId, TransactionValidationCode.Valid, 7)));
        Assert.That(status.Successful, Is.True);
    }

    [Test]
    public async Task EndorseAsync_PreparedTransaction_TransactionExposesResultAndIds()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.ResultPayload = "endorsed"u8.ToArray();
        var proposal = test.Contract.NewProposal("Issue");

        // Act
        var transaction = await proposal.EndorseAsync().DefaultTimeout();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(transaction.TransactionId, Is.EqualTo(proposal.TransactionId));
            Assert.That(transaction.ChannelName, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(transaction.Result.ToArray(), Is.EqualTo("endorsed"u8.ToArray()));
        });
    }

    [Test]
    public void EndorseAsync_MalformedPreparedTransaction_ThrowsEndorseException()
    {
        // Arrange
        using var test = new TestGateway();
        test.Invoker.Endorse = (_, _) => Task.FromResult(new EndorseResponse
        {
            PreparedTransaction = new Envelope { Payload = ByteString.CopyFrom(0xFF, 0xFF, 0xFF) },
        });
        var proposal = test.Contract.NewProposal("Issue");

        // Act
        var ex = Assert.ThrowsAsync<EndorseException>(async () => await proposal.EndorseAsync().DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.TransactionId, Is.EqualTo(proposal.TransactionId));
            Assert.That(ex.Message, Does.Contain("malformed"));
        });
    }

    [Test]
    public void SubmitAsync_GatewayWithoutSigner_ThrowsInvalidOperationExceptionBeforeAnyCall()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);

        // Act
        var ex = Assert.ThrowsAsync<InvalidOperationException>(async () => await test.Contract.SubmitAsync("Issue").DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("signer"));
            Assert.That(test.Invoker.Calls, Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void TransactionMethods_MissingName_ThrowArgumentExceptionNamingName(string? name)
    {
        // Arrange
        using var test = new TestGateway();
        var contract = test.Contract;
        var calls = new Dictionary<string, Func<Task>>
        {
            ["EvaluateTransactionAsync(params)"] = () => contract.EvaluateTransactionAsync(name!),
            ["EvaluateTransactionAsync(list)"] = () => contract.EvaluateTransactionAsync(name!, [], CancellationToken.None),
            ["SubmitTransactionAsync(params)"] = () => contract.SubmitTransactionAsync(name!),
            ["SubmitTransactionAsync(list)"] = () => contract.SubmitTransactionAsync(name!, [], CancellationToken.None),
            ["EvaluateAsync"] = () => contract.EvaluateAsync(name!),
            ["SubmitAsync"] = () => contract.SubmitAsync(name!),
            ["StartSubmitAsync"] = () => contract.StartSubmitAsync(name!),
            ["NewProposal"] = () => Task.FromResult(contract.NewProposal(name!)),
        };

        foreach (var (method, call) in calls)
        {
            // Act
            var ex = Assert.CatchAsync<ArgumentException>(async () => await call().DefaultTimeout(), method);

            // Assert
            Assert.That(ex!.ParamName, Is.EqualTo("name"), method);
        }

        Assert.That(test.Invoker.Calls, Is.Empty);
    }

    [Test]
    public void EvaluateTransactionAsync_NullArguments_ThrowsArgumentNullExceptionNamingArgs()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.ThrowsAsync<ArgumentNullException>(async () =>
            await test.Contract.EvaluateTransactionAsync("ReadBill", (IReadOnlyList<string>)null!).DefaultTimeout());

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("args"));
    }

    [Test]
    public void SubmitTransactionAsync_NullArgumentElement_ThrowsArgumentNullExceptionNamingIndex()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.ThrowsAsync<ArgumentNullException>(async () =>
            await test.Contract.SubmitTransactionAsync("Issue", ["bill-1", null!]).DefaultTimeout());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ParamName, Is.EqualTo("args"));
            Assert.That(ex.Message, Does.Contain("Argument 1"));
        });
    }

    [Test]
    public void NewProposal_EmptyEndorsingOrganization_ThrowsArgumentExceptionNamingOptions()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Contract.NewProposal("Issue", new ProposalOptions { EndorsingOrganizations = { "" } }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void NewProposal_EmptyTransientKey_ThrowsArgumentExceptionNamingOptions()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var ex = Assert.Throws<ArgumentException>(() =>
            test.Contract.NewProposal("Issue", new ProposalOptions { TransientData = { [""] = new byte[] { 1 } } }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void AddArguments_NullElement_ThrowsArgumentNullException()
    {
        // Act and Assert
        Assert.Throws<ArgumentNullException>(() => new ProposalOptions().AddArguments("a", null!));
    }

    private static string[] ArgumentsOf(SignedProposal signedProposal)
    {
        var proposal = PeerProposal.Parser.ParseFrom(signedProposal.ProposalBytes);
        var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
        var spec = ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input);
        return [.. spec.ChaincodeSpec.Input.Args.Select(arg => arg.ToStringUtf8())];
    }
}
