using System.Text;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Events;
using FabricFinance.IntegrationTests.Infrastructure;
using Grpc.Core;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// The channel's rights (network/README.md, "Rights") hold on the real network: the Regulator reads,
/// evaluates and listens but cannot get a transaction ordered; an enterprise (a bank's client) submits
/// but cannot approve a chaincode definition; a bank's admin can.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class RightsTests
{
    /// <summary>CoreCorp, an enterprise: a client user of BankA (PARTIES in network/network.config).</summary>
    private static PartyProfile CoreCorp => FabricNetwork.Profile.Parties["CoreCorp"];

    [Test]
    public async Task Submit_AsRegulator_EndorsedButOrdererRefusesIt(CancellationToken cancellationToken)
    {
        // Arrange
        using var regulator = FabricNetwork.Connect(FabricNetwork.Regulator);
        var options = new ProposalOptions().AddArguments(Ids.New("regulator"), "Reg", "1");

        // Act: peer/Propose admits every reader, so the proposal is endorsed ...
        var endorsed = await regulator.Assets.NewProposal("CreateAsset", options).EndorseAsync(cancellationToken);
        var error = Assert.ThrowsAsync<SubmitException>(() => endorsed.SubmitAsync(cancellationToken));

        // Assert: ... but the orderer checks /Channel/Writers, which excludes the Regulator.
        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.Aborted));
        Assert.That(error.Message, Does.Contain("FORBIDDEN"));
    }

    [Test]
    public async Task Evaluate_AsRegulator_ReadsWhatABankWrote(CancellationToken cancellationToken)
    {
        // Arrange
        using var bank = FabricNetwork.Connect(FabricNetwork.BankB);
        using var regulator = FabricNetwork.Connect(FabricNetwork.Regulator);
        var id = Ids.New("audit");
        await SyncedSubmit.SubmitAsync(bank.Assets, "CreateAsset", [id, "Olga", "5"], cancellationToken);

        // Act
        var read = Encoding.UTF8.GetString(await regulator.Assets.EvaluateTransactionAsync("ReadAsset", [id], cancellationToken));

        // Assert
        Assert.That(read, Is.EqualTo($"{{\"id\":\"{id}\",\"owner\":\"Olga\",\"value\":5}}"));
    }

    [Test]
    public async Task LedgerQueries_AsRegulator_ReadsBlocksAndTransactions(CancellationToken cancellationToken)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        using var regulator = FabricNetwork.Connect(FabricNetwork.Regulator);
        var status = await SyncedSubmit.SubmitAsync(exchange.Assets, "CreateAsset", [Ids.New("ledger"), "Quinn", "2"], cancellationToken);
        var ledger = regulator.Network.GetLedger();

        // Act
        var info = await ledger.GetChainInfoAsync(cancellationToken);
        var transaction = await ledger.GetTransactionByIdAsync(status.TransactionId, cancellationToken);

        // Assert
        Assert.That(info.Height, Is.GreaterThan(status.BlockNumber));
        Assert.That(transaction.ValidationCode, Is.EqualTo(TransactionValidationCode.Valid));
    }

    [Test]
    public async Task Events_AsRegulator_ReceivesChaincodeBlockAndFilteredBlockEvents(CancellationToken cancellationToken)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        using var regulator = FabricNetwork.Connect(FabricNetwork.Regulator);
        var created = await exchange.Assets.StartSubmitAsync("CreateAsset", new ProposalOptions().AddArguments(Ids.New("watched"), "Pia", "3"), cancellationToken);
        var status = await created.GetStatusAsync(cancellationToken);
        var from = new BlockEventsOptions { StartBlock = status.BlockNumber };

        // Act
        ChaincodeEvent? chaincodeEvent = null;
        await foreach (var evt in regulator.Network.GetChaincodeEventsAsync(FabricNetwork.ChaincodeName, new ChaincodeEventsOptions { StartBlock = status.BlockNumber }, cancellationToken))
        {
            if (evt.TransactionId == created.TransactionId)
            {
                chaincodeEvent = evt;
                break;
            }
        }

        ulong? blockNumber = null;
        await foreach (var block in regulator.Network.GetBlockEventsAsync(from, cancellationToken))
        {
            blockNumber = block.Header.Number;
            break;
        }

        ulong? filteredNumber = null;
        await foreach (var filtered in regulator.Network.GetFilteredBlockEventsAsync(from, cancellationToken))
        {
            filteredNumber = filtered.Number;
            break;
        }

        // Assert
        Assert.That(chaincodeEvent?.EventName, Is.EqualTo("AssetCreated"));
        Assert.That(blockNumber, Is.EqualTo(status.BlockNumber));
        Assert.That(filteredNumber, Is.EqualTo(status.BlockNumber));
    }

    [Test]
    public async Task Submit_AsEnterpriseClientOfABank_Commits(CancellationToken cancellationToken)
    {
        // Arrange
        using var coreCorp = FabricNetwork.Connect(CoreCorp.MspId, CoreCorp.User);
        var options = new ProposalOptions().AddArguments(Ids.New("corecorp"), "CoreCorp", "10");

        // Act
        var submitted = await coreCorp.Assets.StartSubmitAsync("CreateAsset", options, cancellationToken);
        var status = await submitted.GetStatusAsync(cancellationToken);

        // Assert
        Assert.That(CoreCorp.MspId, Is.EqualTo(FabricNetwork.BankA));
        Assert.That(status.Successful, Is.True, $"committed as {status.Code}");
    }

    [Test]
    public void Approve_AsEnterpriseClientOfABank_PeerRefusesIt(CancellationToken cancellationToken)
    {
        // Arrange
        var approve = ApproveArguments(Ids.New("rights-client"));

        // Act: approving is a peer-local right of the peer org's admins.
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => PeerCli.RunAsync(CoreCorp.MspId, CoreCorp.User, approve, cancellationToken));

        // Assert
        Assert.That(error!.Message, Does.Contain("failed ACL check").And.Contain("not an admin under this MSP [BankAMSP]"));
    }

    [Test]
    public void Approve_AsRegulatorAdmin_OrdererRefusesIt(CancellationToken cancellationToken)
    {
        // Arrange
        var approve = ApproveArguments(Ids.New("rights-regulator"));

        // Act: its own peer endorses its admin's approval, the orderer refuses a non-Writer.
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => PeerCli.RunAsync(FabricNetwork.Regulator, "Admin", approve, cancellationToken));

        // Assert
        Assert.That(error!.Message, Does.Contain("FORBIDDEN"));
    }

    [Test]
    public async Task Approve_AsBankAdmin_RecordedForThatBank(CancellationToken cancellationToken)
    {
        // Arrange
        var name = Ids.New("rights-admin");
        var profile = FabricNetwork.Profile;

        // Act
        await PeerCli.RunAsync(FabricNetwork.BankB, "Admin", ApproveArguments(name), cancellationToken);
        var readiness = await PeerCli.RunAsync(FabricNetwork.BankB, "Admin",
            ["lifecycle", "chaincode", "checkcommitreadiness", "-C", profile.Channel, "--name", name, "--version", "1", "--sequence", "1", "--output", "json"],
            cancellationToken);

        // Assert
        Assert.That(readiness, Does.Contain("\"BankBMSP\": true"));
        Assert.That(readiness, Does.Contain("\"BankAMSP\": false"));
    }

    private static List<string> ApproveArguments(string name)
    {
        var profile = FabricNetwork.Profile;
        return
        [
            "lifecycle", "chaincode", "approveformyorg", "-o", profile.Orderer.Address, "--tls", "--cafile", profile.Orderer.TlsCaCert,
            "-C", profile.Channel, "--name", name, "--version", "1", "--sequence", "1",
            "--package-id", name + "_1:0000000000000000000000000000000000000000000000000000000000000000",
        ];
    }
}
