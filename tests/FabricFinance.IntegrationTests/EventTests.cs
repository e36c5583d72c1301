using System.Text;
using FabricFinance.Client;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests;

/// <summary>Chaincode events set by the C# chaincode reach the .NET client through the peer's Gateway.</summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(120_000)]
public sealed class EventTests
{
    [Test]
    public async Task GetChaincodeEvents_AfterSubmit_DeliversTheEventWithPayloadAndTransactionId(CancellationToken cancellationToken)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        using var bank = FabricNetwork.Connect(FabricNetwork.BankA);
        var id = Ids.New("event");
        var created = await exchange.Assets.StartSubmitAsync("CreateAsset", new ProposalOptions().AddArguments(id, "Frank", "42"), cancellationToken);
        var status = await created.GetStatusAsync(cancellationToken);

        // Act: replay from the transaction's block, listening on the other org's peer.
        ChaincodeEvent? received = null;
        await foreach (var evt in bank.Network.GetChaincodeEventsAsync(FabricNetwork.ChaincodeName, new ChaincodeEventsOptions { StartBlock = status.BlockNumber }, cancellationToken))
        {
            if (evt.TransactionId == created.TransactionId)
            {
                received = evt;
                break;
            }
        }

        // Assert
        Assert.That(received, Is.Not.Null);
        Assert.That(received!.EventName, Is.EqualTo("AssetCreated"));
        Assert.That(received.ChaincodeName, Is.EqualTo(FabricNetwork.ChaincodeName));
        Assert.That(received.BlockNumber, Is.EqualTo(status.BlockNumber));
        Assert.That(received.Payload.ToArray(), Is.EqualTo(created.Result.ToArray()));
    }

    [Test]
    public async Task GetChaincodeEvents_Listening_ReceivesEventsOfLaterBlocksInCommitOrder(CancellationToken cancellationToken)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        using var listening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var id = Ids.New("live");
        var marker = await exchange.Assets.StartSubmitAsync("CreateAsset", new ProposalOptions().AddArguments(Ids.New("marker"), "Gina", "1"), cancellationToken);
        var after = (await marker.GetStatusAsync(cancellationToken)).BlockNumber + 1;
        var events = exchange.Network.GetChaincodeEventsAsync(FabricNetwork.ChaincodeName, new ChaincodeEventsOptions { StartBlock = after }, listening.Token);
        await using var reader = events.GetAsyncEnumerator(listening.Token);
        var first = reader.MoveNextAsync();

        // Act
        await SyncedSubmit.SubmitAsync(exchange.Assets, "CreateAsset", [id, "Gina", "1"], cancellationToken);
        await exchange.Assets.SubmitTransactionAsync("TransferAsset", [id, "Hank"], cancellationToken);
        var names = new List<string>();
        var more = await first;
        while (more)
        {
            if (Encoding.UTF8.GetString(reader.Current.Payload.Span).Contains(id, StringComparison.Ordinal))
            {
                names.Add(reader.Current.EventName);
                if (names.Count == 2)
                {
                    break;
                }
            }

            more = await reader.MoveNextAsync();
        }

        // Assert
        Assert.That(names, Is.EqualTo(new[] { "AssetCreated", "AssetTransferred" }));
    }
}
