using System.Text;
using FabricFinance.Client;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// A gateway with no signer: the application signs each step's digest itself (as with a key held in
/// an HSM) and real peers accept the signatures.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class OfflineSigningTests
{
    [Test]
    public async Task OfflineSigning_ProposalTransactionAndCommit_CommitsOnRealPeers(CancellationToken cancellationToken)
    {
        // Arrange
        using var connection = FabricNetwork.Connect(FabricNetwork.BankA, withSigner: false);
        var id = Ids.New("offline");
        var unsigned = connection.Assets.NewProposal("CreateAsset", new ProposalOptions().AddArguments(id, "Jack", "11"));

        // Act
        var proposal = connection.Gateway.NewSignedProposal(unsigned.GetBytes(), await connection.Signer.SignAsync(unsigned.GetDigest(), cancellationToken));
        var unsignedTransaction = await proposal.EndorseAsync(cancellationToken);
        var transaction = connection.Gateway.NewSignedTransaction(
            unsignedTransaction.GetBytes(), await connection.Signer.SignAsync(unsignedTransaction.GetDigest(), cancellationToken));
        var unsignedCommit = await transaction.SubmitAsync(cancellationToken);
        var commit = connection.Gateway.NewSignedCommit(unsignedCommit.GetBytes(), await connection.Signer.SignAsync(unsignedCommit.GetDigest(), cancellationToken));
        var status = await commit.GetStatusAsync(cancellationToken);
        var read = await SignedEvaluateAsync(connection, "ReadAsset", id, cancellationToken);

        // Assert
        Assert.That(status.Successful, Is.True);
        Assert.That(Encoding.UTF8.GetString(transaction.Result.Span), Does.Contain(id));
        Assert.That(Encoding.UTF8.GetString(read), Does.Contain("\"owner\":\"Jack\""));
    }

    private static async Task<byte[]> SignedEvaluateAsync(GatewayConnection connection, string function, string arg, CancellationToken cancellationToken)
    {
        var unsigned = connection.Assets.NewProposal(function, new ProposalOptions().AddArguments(arg));
        var signed = connection.Gateway.NewSignedProposal(unsigned.GetBytes(), await connection.Signer.SignAsync(unsigned.GetDigest(), cancellationToken));
        return await signed.EvaluateAsync(cancellationToken);
    }
}
