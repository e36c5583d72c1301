using System.Text;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// When one organization's peer refuses to endorse and the other's does not, the client's
/// <see cref="EndorseException"/> names that peer: its address, MSP id and the chaincode's message.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class ErrorDetailTests
{
    private const string Probe = "probe";

    [Test]
    public async Task Endorse_OnlyOneOrgsPeerRefuses_DetailsNameThatPeerAlone(CancellationToken cancellationToken)
    {
        // Arrange: a value only Exchange's peers hold (BankA's peer has just its hash).
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var probe = exchange.Network.GetContract(Probe);
        var key = Ids.New("detail");
        var put = new ProposalOptions().AddArguments("exchangeOnly", key);
        put.TransientData["value"] = Encoding.UTF8.GetBytes("for the exchange only");
        put.EndorsingOrganizations.Add(FabricNetwork.Exchange);
        await probe.SubmitAsync("PutPrivate", put, cancellationToken);
        var read = new ProposalOptions().AddArguments("exchangeOnly", key);
        read.EndorsingOrganizations.Add(FabricNetwork.Exchange);
        read.EndorsingOrganizations.Add(FabricNetwork.BankA);

        // Act
        var error = Assert.ThrowsAsync<EndorseException>(() => probe.SubmitAsync("ReadPrivateOrFail", read, cancellationToken));

        // Assert
        var bankPeer = FabricNetwork.Profile.PeerOf(FabricNetwork.BankA);
        Assert.That(error!.TransactionId, Is.Not.Empty);
        Assert.That(error.Details, Has.Count.EqualTo(1), string.Join("; ", error.Details));
        Assert.That(error.Details[0].MspId, Is.EqualTo(FabricNetwork.BankA));
        Assert.That(error.Details[0].Address, Is.EqualTo(bankPeer.Address));
        Assert.That(error.Details[0].Message, Does.Contain("this peer cannot read the private data"));
        Assert.That(error.Message, Does.Contain(bankPeer.Address));
    }
}
