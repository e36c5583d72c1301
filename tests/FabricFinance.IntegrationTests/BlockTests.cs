using FabricFinance.Client;
using FabricFinance.Client.Events;
using FabricFinance.IntegrationTests.Infrastructure;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Ledger.Rwset;
using Hyperledger.Fabric.Protos.Ledger.Rwset.Kvrwset;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.IntegrationTests;

/// <summary>Our protos decode blocks that real Fabric peers produced, delivered by a peer's Deliver service.</summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class BlockTests
{
    [Test]
    public async Task Deliver_BlockOfACommittedTransaction_DecodesToTheTransactionWithBothOrgsEndorsementsAndItsWrite(CancellationToken cancellationToken)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var id = Ids.New("block");
        var options = new ProposalOptions().AddArguments(id, "Ivy", "9");
        options.EndorsingOrganizations.Add(FabricNetwork.Exchange);
        options.EndorsingOrganizations.Add(FabricNetwork.BankA);
        var submitted = await exchange.Assets.StartSubmitAsync("CreateAsset", options, cancellationToken);
        var status = await submitted.GetStatusAsync(cancellationToken);

        // Act
        Block? block = null;
        await foreach (var delivered in exchange.Network.GetBlockEventsAsync(new BlockEventsOptions { StartBlock = status.BlockNumber }, cancellationToken))
        {
            block = delivered;
            break;
        }

        Assert.That(block, Is.Not.Null, "the peer's Deliver service sent the block");

        // Assert: find our transaction among the block's envelopes.
        Assert.That(block!.Header.Number, Is.EqualTo(status.BlockNumber));
        var index = -1;
        ChannelHeader? channelHeader = null;
        Hyperledger.Fabric.Protos.Peer.Transaction? transaction = null;
        for (var i = 0; i < block.Data.Data.Count; i++)
        {
            var payload = Payload.Parser.ParseFrom(Envelope.Parser.ParseFrom(block.Data.Data[i]).Payload);
            var header = ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader);
            if (header.TxId == submitted.TransactionId)
            {
                (index, channelHeader, transaction) = (i, header, Hyperledger.Fabric.Protos.Peer.Transaction.Parser.ParseFrom(payload.Data));
            }
        }

        Assert.That(index, Is.GreaterThanOrEqualTo(0), "the transaction is in the block its commit status named");
        Assert.That(channelHeader!.Type, Is.EqualTo((int)HeaderType.EndorserTransaction));
        Assert.That(channelHeader.ChannelId, Is.EqualTo(FabricNetwork.Profile.Channel));

        var validation = block.Metadata.Metadata[(int)BlockMetadataIndex.TransactionsFilter];
        Assert.That((TxValidationCode)validation[index], Is.EqualTo(TxValidationCode.Valid));

        var action = ChaincodeActionPayload.Parser.ParseFrom(transaction!.Actions[0].Payload);
        var endorsers = action.Action.Endorsements.Select(e => SerializedIdentity.Parser.ParseFrom(e.Endorser).Mspid);
        Assert.That(endorsers, Is.EquivalentTo(new[] { FabricNetwork.Exchange, FabricNetwork.BankA }));

        var responsePayload = ProposalResponsePayload.Parser.ParseFrom(action.Action.ProposalResponsePayload);
        var chaincodeAction = ChaincodeAction.Parser.ParseFrom(responsePayload.Extension);
        Assert.That(chaincodeAction.ChaincodeId.Name, Is.EqualTo(FabricNetwork.ChaincodeName));
        Assert.That(chaincodeAction.Response.Status, Is.EqualTo(200));
        Assert.That(chaincodeAction.Response.Payload.ToByteArray(), Is.EqualTo(submitted.Result.ToArray()));
        Assert.That(chaincodeAction.Events.IsEmpty, Is.False);
        Assert.That(Hyperledger.Fabric.Protos.Peer.ChaincodeEvent.Parser.ParseFrom(chaincodeAction.Events).EventName, Is.EqualTo("AssetCreated"));

        var writes = TxReadWriteSet.Parser.ParseFrom(chaincodeAction.Results).NsRwset
            .Where(ns => ns.Namespace == FabricNetwork.ChaincodeName)
            .SelectMany(ns => KVRWSet.Parser.ParseFrom(ns.Rwset).Writes)
            .ToList();
        Assert.That(writes.Select(w => w.Key), Is.EqualTo(new[] { "asset~" + id }));
        Assert.That(writes[0].Value.ToByteArray(), Is.EqualTo(submitted.Result.ToArray()));
    }
}
