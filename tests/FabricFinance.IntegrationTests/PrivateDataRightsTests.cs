using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FabricFinance.Client;
using FabricFinance.Client.Events;
using FabricFinance.IntegrationTests.Infrastructure;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Ledger.Rwset.Kvrwset;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// Deal terms stay with the deal's orgs, the Exchange and the Regulator (shared/design/BILLS.md, "Deals"), on the
/// real network: terms written to <c>terms_BankAMSP</c> (the network's terms collection for deals between two BankA
/// parties) reach the peers of BankA, the Exchange and the Regulator, while BankB's peer, a third bank's, holds only
/// their hash, and no block carries them in clear. The probe chaincode is deployed with the network's generated terms
/// collections (<c>deploy --terms-collections</c>, see <see cref="FabricNetwork"/>).
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class PrivateDataRightsTests
{
    private const string Probe = "probe";
    private const string Collection = "terms_BankAMSP";

    private string _key = string.Empty;
    private string _terms = string.Empty;
    private string _transactionId = string.Empty;
    private ulong _blockNumber;

    private string TermsSha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_terms)));

    /// <summary>Writes one deal's terms through BankA's gateway, as a BankA seller would, and waits until every peer has the block.</summary>
    [OneTimeSetUp]
    public async Task WriteTermsAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var bankA = FabricNetwork.Connect(FabricNetwork.BankA);
        _key = Ids.New("deal");
        _terms = $"{{\"days\":90,\"interest\":1875,\"paymentRef\":null,\"payout\":198125,\"rateBps\":375,\"ref\":\"{Guid.NewGuid():N}\"}}";
        var options = new ProposalOptions().AddArguments(Collection, _key);
        options.TransientData["value"] = Encoding.UTF8.GetBytes(_terms);
        var submitted = await bankA.Network.GetContract(Probe).StartSubmitAsync("PutPrivate", options, timeout.Token);
        var status = await submitted.GetStatusAsync(timeout.Token);
        Assert.That(status.Successful, Is.True, $"PutPrivate committed as {status.Code}");
        (_transactionId, _blockNumber) = (submitted.TransactionId, status.BlockNumber);
        await LedgerSync.WaitForBlockAsync(status.BlockNumber, timeout.Token);
    }

    [Test]
    public void TermsCollections_GeneratedAtUp_OneForEveryPairOfBanksWithTheExchangeAndRegulator()
    {
        // Arrange
        var path = FabricNetwork.Profile.TermsCollections ?? Path.Combine(Repository.NetworkState, ".run", "terms-collections.json");

        // Act
        var collections = JsonNode.Parse(File.ReadAllText(path))!.AsArray().Select(c => c!).ToList();

        // Assert
        Assert.That(collections.Select(c => (string?)c["name"]), Is.EqualTo(new[] { "terms_BankAMSP", "terms_BankAMSP_BankBMSP", "terms_BankBMSP" }));
        Assert.That((string?)collections[1]["policy"], Is.EqualTo("OR('BankAMSP.member', 'BankBMSP.member', 'ExchangeMSP.member', 'RegulatorMSP.member')"));
        Assert.That((string?)collections[0]["policy"], Is.EqualTo("OR('BankAMSP.member', 'ExchangeMSP.member', 'RegulatorMSP.member')"));
        Assert.Multiple(() =>
        {
            foreach (var collection in collections)
            {
                Assert.That((bool?)collection["memberOnlyRead"], Is.True);
                Assert.That((bool?)collection["memberOnlyWrite"], Is.True);
                Assert.That((int?)collection["requiredPeerCount"], Is.Zero);
                Assert.That((int?)collection["blockToLive"], Is.Zero);
                Assert.That(collection["endorsementPolicy"], Is.Null, "the chaincode's own endorsement policy applies");
            }
        });
    }

    [Test]
    public async Task PutTerms_ThroughBankAsGateway_EndorsedByBankAAndTheExchange(CancellationToken cancellationToken)
    {
        // Arrange
        using var regulator = FabricNetwork.Connect(FabricNetwork.Regulator);

        // Act
        var transaction = await regulator.Network.GetLedger().GetTransactionByIdAsync(_transactionId, cancellationToken);

        // Assert: the gateway picked endorsers among the collection's members.
        Assert.That(transaction.EndorserMspIds, Is.EquivalentTo(new[] { FabricNetwork.BankA, FabricNetwork.Exchange }));
    }

    [TestCase(FabricNetwork.BankA)]
    [TestCase(FabricNetwork.Exchange)]
    public async Task GetTerms_AtAMemberOrgsPeer_ReturnsThem(string mspId, CancellationToken cancellationToken)
    {
        // Arrange
        using var member = FabricNetwork.Connect(mspId);

        // Act
        var answer = await EvaluateAsync(member, "GetPrivate", peerOf: mspId, cancellationToken);

        // Assert
        Assert.That((string?)answer["value"], Is.EqualTo(_terms));
    }

    [Test]
    public async Task GetTerms_AsRegulatorClient_ReadsThemAtAPeerThatRunsTheChaincode(CancellationToken cancellationToken)
    {
        // Arrange: the Regulator's own peer runs no chaincode (network/README.md, "Rights").
        using var regulator = FabricNetwork.Connect(FabricNetwork.Regulator);

        // Act
        var answer = await EvaluateAsync(regulator, "GetPrivate", peerOf: FabricNetwork.Exchange, cancellationToken);

        // Assert
        Assert.That((string?)answer["value"], Is.EqualTo(_terms));
    }

    [TestCase(FabricNetwork.Regulator)]
    [TestCase(FabricNetwork.BankA)]
    [TestCase(FabricNetwork.Exchange)]
    public async Task Deliver_AtAMemberOrgsPeer_TheBlockComesWithTheTerms(string mspId, CancellationToken cancellationToken)
    {
        // Arrange: the peer sends the private data it holds for collections the client's org is a member of.
        using var member = FabricNetwork.Connect(mspId);

        // Act
        var written = await PrivateWritesAsync(member, cancellationToken);

        // Assert
        Assert.That(written, Is.EqualTo(new[] { (_key, _terms) }));
    }

    [Test]
    public async Task Deliver_AtBankBsPeerAsABankAClient_TheBlockComesWithoutTheTerms(CancellationToken cancellationToken)
    {
        // Arrange: BankA's client may read the collection, so an empty answer means the peer has nothing to send.
        using var bankAAtBankB = FabricNetwork.Connect(FabricNetwork.BankA, peerMspId: FabricNetwork.BankB);

        // Act
        var written = await PrivateWritesAsync(bankAAtBankB, cancellationToken);

        // Assert
        Assert.That(written, Is.Empty);
    }

    [Test]
    public async Task GetTerms_AtBankBsPeer_PeerHasOnlyTheHash(CancellationToken cancellationToken)
    {
        // Arrange: a member's client (BankA) asks BankB's peer, so only the peer's holdings are in question.
        using var bankA = FabricNetwork.Connect(FabricNetwork.BankA);

        // Act
        var value = await EvaluateAsync(bankA, "GetPrivate", peerOf: FabricNetwork.BankB, cancellationToken);
        var hash = await EvaluateAsync(bankA, "GetPrivateHash", peerOf: FabricNetwork.BankB, cancellationToken);

        // Assert
        Assert.That((string?)value["error"], Does.Contain("private data matching public hash version is not available"));
        Assert.That((string?)value["value"], Is.Null);
        Assert.That((string?)hash["hash"], Is.EqualTo(TermsSha256));
    }

    [Test]
    public async Task GetTerms_AsBankBClient_ReadRefused(CancellationToken cancellationToken)
    {
        // Arrange
        using var bankB = FabricNetwork.Connect(FabricNetwork.BankB);

        // Act: evaluated at BankA's peer, which holds the terms.
        var answer = await EvaluateAsync(bankB, "GetPrivate", peerOf: FabricNetwork.BankA, cancellationToken);

        // Assert
        Assert.That((string?)answer["error"], Does.EndWith($"tx creator does not have read access permission on privatedata in chaincodeName:{Probe} collectionName: {Collection}"));
    }

    [Test]
    public async Task Blocks_FromTheFirstToTheTermsBlock_CarryOnlyTheirHash(CancellationToken cancellationToken)
    {
        // Arrange
        using var regulator = FabricNetwork.Connect(FabricNetwork.Regulator);
        var clear = Encoding.UTF8.GetBytes(_terms);
        var hash = SHA256.HashData(clear);
        var (blocks, withClear, withHash) = (0, new List<ulong>(), new List<ulong>());

        // Act
        await foreach (var block in regulator.Network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = 0 }, cancellationToken))
        {
            var bytes = block.ToByteArray();
            blocks++;
            if (bytes.AsSpan().IndexOf(clear) >= 0)
            {
                withClear.Add(block.Header.Number);
            }

            if (bytes.AsSpan().IndexOf(hash) >= 0)
            {
                withHash.Add(block.Header.Number);
            }

            if (block.Header.Number == _blockNumber)
            {
                break;
            }
        }

        // Assert
        Assert.That(blocks, Is.EqualTo((int)_blockNumber + 1));
        Assert.That(withClear, Is.Empty, "no block carries the terms in clear");
        Assert.That(withHash, Is.EqualTo(new[] { _blockNumber }), "the terms' block carries their hash");
    }

    private async Task<JsonNode> EvaluateAsync(GatewayConnection connection, string transaction, string peerOf, CancellationToken cancellationToken)
    {
        var options = new ProposalOptions().AddArguments(Collection, _key);
        options.EndorsingOrganizations.Add(peerOf);
        var result = await connection.Network.GetContract(Probe).NewProposal(transaction, options).EvaluateAsync(cancellationToken);
        return JsonNode.Parse(result) ?? throw new InvalidOperationException($"{transaction} answered nothing.");
    }

    /// <summary>The private writes to the terms collection that the connection's peer delivers with the terms' block.</summary>
    private async Task<List<(string Key, string Value)>> PrivateWritesAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        await foreach (var delivered in connection.Network.GetBlockAndPrivateDataEventsAsync(new BlockEventsOptions { StartBlock = _blockNumber }, cancellationToken))
        {
            Assert.That(delivered.Block.Header.Number, Is.EqualTo(_blockNumber));
            return delivered.PrivateDataMap.Values
                .SelectMany(tx => tx.NsPvtRwset)
                .Where(ns => ns.Namespace == Probe)
                .SelectMany(ns => ns.CollectionPvtRwset)
                .Where(c => c.CollectionName == Collection)
                .SelectMany(c => KVRWSet.Parser.ParseFrom(c.Rwset).Writes)
                .Select(w => (w.Key, w.Value.ToStringUtf8()))
                .ToList();
        }

        throw new InvalidOperationException($"The peer delivered no block {_blockNumber}.");
    }
}
