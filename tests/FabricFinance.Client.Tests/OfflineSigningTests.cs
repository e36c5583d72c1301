using FabricFinance.Client.Tests.Infrastructure;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Gateway;

namespace FabricFinance.Client.Tests;

/// <summary>The flow with the private key away from the client: digests out, signatures in.</summary>
public class OfflineSigningTests
{
    [Test]
    public async Task SubmitFlow_SignedOffline_EveryRequestCarriesTheOfflineSignature()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);
        test.Invoker.ResultPayload = "offline"u8.ToArray();
        var offlineSigner = test.User.Signer;
        var unsignedProposal = test.Contract.NewProposal("Issue", new ProposalOptions { EndorsingOrganizations = { "Org1MSP" } }.AddArguments("bill-1"));

        // Act
        var proposalSignature = await offlineSigner.SignAsync(unsignedProposal.GetDigest()).DefaultTimeout();
        var proposal = test.Gateway.NewSignedProposal(unsignedProposal.GetBytes(), proposalSignature);
        var unsignedTransaction = await proposal.EndorseAsync().DefaultTimeout();

        var transactionSignature = await offlineSigner.SignAsync(unsignedTransaction.GetDigest()).DefaultTimeout();
        var transaction = test.Gateway.NewSignedTransaction(unsignedTransaction.GetBytes(), transactionSignature);
        var submitted = await transaction.SubmitAsync().DefaultTimeout();

        var commitSignature = await offlineSigner.SignAsync(submitted.GetDigest()).DefaultTimeout();
        var commit = test.Gateway.NewSignedCommit(submitted.GetBytes(), commitSignature);
        var status = await commit.GetStatusAsync().DefaultTimeout();

        // Assert
        var endorse = test.Invoker.RequestsOf<EndorseRequest>().Single();
        var submit = test.Invoker.RequestsOf<SubmitRequest>().Single();
        var commitStatus = test.Invoker.RequestsOf<SignedCommitStatusRequest>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(proposal.TransactionId, Is.EqualTo(unsignedProposal.TransactionId));
            Assert.That(proposal.ChannelName, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(endorse.EndorsingOrganizations, Is.EqualTo(new[] { "Org1MSP" }));
            Assert.That(endorse.ProposedTransaction.Signature.ToByteArray(), Is.EqualTo(proposalSignature));
            Assert.That(test.IsValidSignature(endorse.ProposedTransaction.ProposalBytes, endorse.ProposedTransaction.Signature), Is.True);

            Assert.That(transaction.TransactionId, Is.EqualTo(proposal.TransactionId));
            Assert.That(transaction.Result.ToArray(), Is.EqualTo("offline"u8.ToArray()));
            Assert.That(submit.ChannelId, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(submit.PreparedTransaction.Signature.ToByteArray(), Is.EqualTo(transactionSignature));
            Assert.That(test.IsValidSignature(submit.PreparedTransaction.Payload, submit.PreparedTransaction.Signature), Is.True);

            Assert.That(commit.TransactionId, Is.EqualTo(proposal.TransactionId));
            Assert.That(commitStatus.Signature.ToByteArray(), Is.EqualTo(commitSignature));
            Assert.That(test.IsValidSignature(commitStatus.Request, commitStatus.Signature), Is.True);
            Assert.That(status.Successful, Is.True);
        });
    }

    [Test]
    public async Task GetDigest_AfterOfflineSigning_Unchanged()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);
        var unsigned = test.Contract.NewProposal("Issue");
        var signature = await test.User.Signer.SignAsync(unsigned.GetDigest()).DefaultTimeout();

        // Act
        var signed = test.Gateway.NewSignedProposal(unsigned.GetBytes(), signature);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(signed.GetDigest(), Is.EqualTo(unsigned.GetDigest()));
            Assert.That(ProposedTransaction.Parser.ParseFrom(signed.GetBytes()).Proposal.Signature.ToByteArray(), Is.EqualTo(signature));
        });
    }

    [Test]
    public void EvaluateAsync_UnsignedWithoutSigner_ThrowsInvalidOperationException()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);

        // Act and Assert
        Assert.ThrowsAsync<InvalidOperationException>(async () => await test.Contract.NewProposal("ReadBill").EvaluateAsync().DefaultTimeout());
    }

    [Test]
    public void NewSignedProposal_NotAProposal_ThrowsArgumentExceptionNamingBytes()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Gateway.NewSignedProposal(new byte[] { 0xFF, 0x01 }, new byte[] { 1 }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("bytes"));
    }

    [Test]
    public void NewSignedProposal_EmptyProposedTransaction_ThrowsArgumentExceptionNamingBytes()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Gateway.NewSignedProposal(new ProposedTransaction().ToByteArray(), new byte[] { 1 }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("bytes"));
    }

    [Test]
    public void NewSignedTransaction_NotATransaction_ThrowsArgumentExceptionNamingBytes()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Gateway.NewSignedTransaction(new PreparedTransaction { TransactionId = "x" }.ToByteArray(), new byte[] { 1 }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("bytes"));
    }

    [Test]
    public void NewSignedCommit_NotACommit_ThrowsArgumentExceptionNamingBytes()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Gateway.NewSignedCommit(new byte[] { 0x0A, 0x05 }, new byte[] { 1 }));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("bytes"));
    }

    [Test]
    public void NewSignedProposal_EmptySignature_ThrowsArgumentExceptionNamingSignature()
    {
        // Arrange
        using var test = new TestGateway(withSigner: false);
        var unsigned = test.Contract.NewProposal("Issue");

        // Act
        var ex = Assert.Throws<ArgumentException>(() => test.Gateway.NewSignedProposal(unsigned.GetBytes(), ReadOnlyMemory<byte>.Empty));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("signature"));
    }
}
