using System.Text;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Events;
using FabricFinance.Client.Ledger;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// The client's event streams and ledger queries on real Fabric: block events (full, filtered, with
/// private data), qscc queries, file checkpoints, offline-signed event requests, and chaincode events
/// that resume across a peer restart with no gap and no duplicate.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(240_000)]
public sealed class ClientEventsTests
{
    [Test]
    public async Task BlockEvents_FromTheTransactionsBlock_DecodeToTheValidTransaction(CancellationToken cancellationToken)
    {
        // Arrange
        using var bank = FabricNetwork.Connect(FabricNetwork.BankA);
        var status = await SubmitAsync(bank, Ids.New("blocks"), cancellationToken);
        var options = new BlockEventsOptions { StartBlock = status.Commit.BlockNumber };

        // Act
        var block = await FirstAsync(bank.Network.GetBlockEventsAsync(options, cancellationToken));
        var filtered = await FirstAsync(bank.Network.GetFilteredBlockEventsAsync(options, cancellationToken));
        var withPrivate = await FirstAsync(bank.Network.GetBlockAndPrivateDataEventsAsync(options, cancellationToken));

        // Assert
        var decoded = LedgerBlock.Decode(block);
        Assert.That(decoded.Number, Is.EqualTo(status.Commit.BlockNumber));
        var ours = decoded.Transactions.Single(t => t.TransactionId == status.TransactionId);
        Assert.That(ours.ValidationCode, Is.EqualTo(TransactionValidationCode.Valid));
        Assert.That(ours.ChaincodeName, Is.EqualTo(FabricNetwork.ChaincodeName));
        Assert.That(ours.CreatorMspId, Is.EqualTo(FabricNetwork.BankA));
        Assert.That(filtered.Number, Is.EqualTo(status.Commit.BlockNumber));
        Assert.That(filtered.FilteredTransactions.Select(t => t.Txid), Does.Contain(status.TransactionId));
        Assert.That(withPrivate.Block.Header.Number, Is.EqualTo(status.Commit.BlockNumber));
    }

    [Test]
    public async Task LedgerQueries_AfterACommit_ChainInfoBlockAndTransactionDescribeIt(CancellationToken cancellationToken)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var id = Ids.New("qscc");
        var status = await SubmitAsync(exchange, id, cancellationToken);
        var ledger = exchange.Network.GetLedger();

        // Act
        var info = await ledger.GetChainInfoAsync(cancellationToken);
        var byNumber = await ledger.GetBlockByNumberAsync(status.Commit.BlockNumber, cancellationToken);
        var byTransaction = await ledger.GetBlockByTransactionIdAsync(status.TransactionId, cancellationToken);
        var transaction = await ledger.GetTransactionByIdAsync(status.TransactionId, cancellationToken);

        // Assert
        Assert.That(info.Height, Is.GreaterThan(status.Commit.BlockNumber));
        Assert.That(byNumber.Number, Is.EqualTo(status.Commit.BlockNumber));
        Assert.That(byTransaction.Number, Is.EqualTo(status.Commit.BlockNumber));
        Assert.That(byNumber.Transactions.Select(t => t.TransactionId), Does.Contain(status.TransactionId));
        Assert.That(transaction.ValidationCode, Is.EqualTo(TransactionValidationCode.Valid));
        // The channel's default endorsement policy: the Exchange and one bank (either).
        Assert.That(transaction.EndorserMspIds, Has.Count.EqualTo(2).And.Contains(FabricNetwork.Exchange));
        Assert.That(transaction.EndorserMspIds.Where(m => m != FabricNetwork.Exchange), Is.SubsetOf(new[] { FabricNetwork.BankA, FabricNetwork.BankB }));
        Assert.That(transaction.ReadWriteSets.Single(s => s.Namespace == FabricNetwork.ChaincodeName).WrittenKeys, Is.EqualTo(new[] { "asset~" + id }));
    }

    [Test]
    public async Task FileCheckpointer_NewInstanceOnTheSameFile_ResumesAfterTheLastCheckpointedEvent(CancellationToken cancellationToken)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var path = Path.Combine(Path.GetTempPath(), $"fabfin-checkpoint-{Guid.NewGuid():N}.json");
        var first = await SubmitAsync(exchange, Ids.New("cp1"), cancellationToken);
        var second = await SubmitAsync(exchange, Ids.New("cp2"), cancellationToken);
        try
        {
            // Act: checkpoint the first transaction's event, then stop.
            using (var checkpointer = await FileCheckpointer.CreateAsync(path, cancellationToken))
            {
                var options = new ChaincodeEventsOptions { StartBlock = first.Commit.BlockNumber };
                await foreach (var evt in exchange.Network.GetChaincodeEventsAsync(FabricNetwork.ChaincodeName, options, cancellationToken))
                {
                    if (evt.TransactionId == first.TransactionId)
                    {
                        await checkpointer.CheckpointChaincodeEventAsync(evt, cancellationToken);
                        break;
                    }
                }
            }

            ChaincodeEvent resumed;
            using (var reopened = await FileCheckpointer.CreateAsync(path, cancellationToken))
            {
                var options = new ChaincodeEventsOptions { Checkpoint = reopened };
                resumed = await FirstAsync(exchange.Network.GetChaincodeEventsAsync(FabricNetwork.ChaincodeName, options, cancellationToken));
            }

            // Assert: the next event after the checkpoint, never the checkpointed one again.
            Assert.That(resumed.TransactionId, Is.Not.EqualTo(first.TransactionId));
            Assert.That(resumed.BlockNumber, Is.GreaterThanOrEqualTo(first.Commit.BlockNumber));
            Assert.That(resumed.BlockNumber, Is.LessThanOrEqualTo(second.Commit.BlockNumber));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task ChaincodeEventsRequest_SignedOffline_DeliversEvents(CancellationToken cancellationToken)
    {
        // Arrange
        using var connection = FabricNetwork.Connect(FabricNetwork.BankA, withSigner: false);
        using var signing = FabricNetwork.Connect(FabricNetwork.BankA);
        var status = await SubmitAsync(signing, Ids.New("offline-events"), cancellationToken);
        var unsigned = connection.Network.NewChaincodeEventsRequest(FabricNetwork.ChaincodeName, new ChaincodeEventsOptions { StartBlock = status.Commit.BlockNumber });

        // Act
        var signature = await connection.Signer.SignAsync(unsigned.GetDigest(), cancellationToken);
        var request = connection.Gateway.NewSignedChaincodeEventsRequest(unsigned.GetBytes(), signature);
        ChaincodeEvent? ours = null;
        await foreach (var evt in request.GetEventsAsync(cancellationToken))
        {
            if (evt.TransactionId == status.TransactionId)
            {
                ours = evt;
                break;
            }
        }

        // Assert
        Assert.That(ours, Is.Not.Null);
        Assert.That(ours!.EventName, Is.EqualTo("AssetCreated"));
    }

    [Test]
    public async Task ChaincodeEvents_ListeningPeerRestarts_ResumeWithNoGapAndNoDuplicate(CancellationToken cancellationToken)
    {
        // Arrange: listen at BankA's peer; submit through Exchange's gateway.
        using var listener = FabricNetwork.Connect(FabricNetwork.BankA);
        using var submitter = FabricNetwork.Connect(FabricNetwork.Exchange);
        var marker = await SubmitAsync(submitter, Ids.New("resume-marker"), cancellationToken);
        var options = new ChaincodeEventsOptions
        {
            StartBlock = marker.Commit.BlockNumber + 1,
            ResumeOnFailure = true,
            ResumePolicy = new EventsResumePolicy { MaxAttempts = null, InitialDelay = TimeSpan.FromMilliseconds(250), MaxDelay = TimeSpan.FromSeconds(2) },
        };
        var prefix = Ids.New("resume");
        var expected = new List<string>();
        var received = new List<string>();
        using var listening = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(
            async () =>
            {
                await foreach (var evt in listener.Network.GetChaincodeEventsAsync(FabricNetwork.ChaincodeName, options, listening.Token))
                {
                    if (Encoding.UTF8.GetString(evt.Payload.Span).Contains(prefix, StringComparison.Ordinal))
                    {
                        lock (received)
                        {
                            received.Add(evt.TransactionId);
                            if (received.Count == 6)
                            {
                                return;
                            }
                        }
                    }
                }
            },
            listening.Token);

        // Act
        for (var i = 0; i < 3; i++)
        {
            expected.Add((await SubmitAsync(submitter, $"{prefix}-before{i}", cancellationToken)).TransactionId);
        }

        await Script.RunAsync("scripts/network.sh", ["restart", "--node", "peer0.banka.example.com"], cancellationToken);
        for (var i = 0; i < 3; i++)
        {
            expected.Add((await SubmitAsync(submitter, $"{prefix}-after{i}", cancellationToken)).TransactionId);
        }

        await reader.WaitAsync(TimeSpan.FromSeconds(90), cancellationToken);

        // Assert
        Assert.That(received, Is.EqualTo(expected));
    }

    private static async Task<T> FirstAsync<T>(IAsyncEnumerable<T> source)
    {
        await foreach (var item in source)
        {
            return item;
        }

        throw new InvalidOperationException("The stream ended without an item.");
    }

    /// <summary>Creates an asset and waits for its commit; retries endorsement while a restarted peer rejoins.</summary>
    private static async Task<(string TransactionId, CommitStatus Commit)> SubmitAsync(GatewayConnection connection, string id, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var submitted = await connection.Assets.StartSubmitAsync("CreateAsset", new ProposalOptions().AddArguments(id, "Events", "1"), cancellationToken);
                var status = await submitted.GetStatusAsync(cancellationToken);
                Assert.That(status.Successful, Is.True, $"{id} committed as {status.Code}");
                return (submitted.TransactionId, status);
            }
            catch (GatewayException ex) when (attempt < 60 && ex is EndorseException or SubmitException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }
}
