using System.Text;
using FabricFinance.Bills;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Ledger;
using FabricFinance.IntegrationTests.Bills;
using FabricFinance.IntegrationTests.Infrastructure;
using FabricFinance.IntegrationTests.Resilience.Audit;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Resilience.Security;

/// <summary>
/// Issue 8, part 5: a signed proposal and a signed transaction replayed. The first IssueBill commits.
/// Endorsing the same signed proposal again is refused by the peer ("duplicate transaction found"),
/// which the client throws as an <see cref="EndorseException"/> (typed by stage, with the transaction
/// id, ABORTED and the peer's detail). Submitting the same signed envelope again is accepted and
/// ordered, and the committing peers mark the copy DUPLICATE_TXID; asked for the commit status of that
/// transaction id, the peer answers with the first commit (VALID, its block), so a replayer learns
/// nothing new. Either way the bill is issued once.
/// </summary>
[Category("Integration")]
public sealed class ReplayTests
{
    private static Market M => ResilienceFixture.Market;

    [Test]
    [CancelAfter(120_000)]
    public async Task Replay_SignedProposalAndSignedTransaction_RefusedTypedAndNothingHappensTwice(CancellationToken ct)
    {
        // Arrange: CoreCorp issues a bill with offline signing, keeping every signed message.
        var party = FabricNetwork.Profile.Parties["CoreCorp"];
        using var connection = new GatewayConnection(FabricNetwork.Profile, party.MspId, party.User, withSigner: false, clock: M.Clock);
        M.Clock.SetBusinessDate(new DateOnly(2027, 9, 1));
        var billId = NewId("replay");
        var request = Encoding.UTF8.GetString(BillJson.SerializeToUtf8Bytes(
            new IssueBillRequest(billId, BillKind.Bank, "SupplierA", BankAId, 5_000, new DateOnly(2027, 12, 1), Transferable: true)));
        var unsigned = connection.Network.GetContract(BillTransactions.ChaincodeName).NewProposal(BillTransactions.IssueBill, new ProposalOptions().AddArguments(request));
        var proposalBytes = unsigned.GetBytes();
        var proposalSignature = await connection.Signer.SignAsync(unsigned.GetDigest(), ct);
        var endorsed = await connection.Gateway.NewSignedProposal(proposalBytes, proposalSignature).EndorseAsync(ct);
        var transactionBytes = endorsed.GetBytes();
        var transactionSignature = await connection.Signer.SignAsync(endorsed.GetDigest(), ct);
        var first = await SubmitAndWaitAsync(connection, transactionBytes, transactionSignature, ct);
        await LedgerSync.WaitForBlockAsync(first.BlockNumber, ct);

        // Act: the same signed proposal endorsed again; the same signed transaction submitted again.
        var replayedProposal = Assert.CatchAsync<GatewayException>(() => connection.Gateway.NewSignedProposal(proposalBytes, proposalSignature).EndorseAsync(ct));
        var replayed = await SubmitAndWaitAsync(connection, transactionBytes, transactionSignature, ct);
        var ledger = M.Regulator.Bills.Network.GetLedger();
        var duplicate = await FindLaterCopyAsync(ledger, unsigned.TransactionId, first.BlockNumber, ct);
        var history = await M.Regulator.Bills.GetBillHistoryAsync(billId, ct);
        var report = await LedgerAudit.RunAsync(M, [unsigned.TransactionId], ct);

        // Assert
        await TestContext.Out.WriteLineAsync(
            $"proposal replay: {replayedProposal!.GetType().Name} {replayedProposal.StatusCode}: {string.Join("; ", replayedProposal.Details.Select(d => d.Message.Split(". Creator")[0]))}{Environment.NewLine}"
            + $"transaction replay: commit status {replayed.Code} in block {replayed.BlockNumber} (the first's); the copy is in block {duplicate?.Block} as {duplicate?.Code}");
        Assert.Multiple(() =>
        {
            Assert.That(first.Successful, Is.True);
            Assert.That(replayedProposal, Is.InstanceOf<EndorseException>(), "refused at endorsement, typed by stage");
            Assert.That(((EndorseException)replayedProposal).TransactionId, Is.EqualTo(unsigned.TransactionId));
            Assert.That(replayedProposal.StatusCode, Is.EqualTo(Grpc.Core.StatusCode.Aborted));
            Assert.That(replayedProposal.Details.Select(d => d.Message), Has.Some.Contains("duplicate transaction found"));
            Assert.That((replayed.Code, replayed.BlockNumber), Is.EqualTo((TransactionValidationCode.Valid, first.BlockNumber)),
                "the commit status of a transaction id is its first commit's");
            Assert.That(duplicate?.Code, Is.EqualTo(TransactionValidationCode.DuplicateTxId), "the replayed envelope was ordered and invalidated");
            Assert.That(history, Has.Count.EqualTo(1), "the bill was issued once");
        });
        report.AssertClean();
    }

    private static async Task<CommitStatus> SubmitAndWaitAsync(GatewayConnection connection, byte[] bytes, byte[] signature, CancellationToken ct)
    {
        var commit = await connection.Gateway.NewSignedTransaction(bytes, signature).SubmitAsync(ct);
        var signedCommit = connection.Gateway.NewSignedCommit(commit.GetBytes(), await connection.Signer.SignAsync(commit.GetDigest(), ct));
        return await signedCommit.GetStatusAsync(ct);
    }

    /// <summary>Looks in the blocks after <paramref name="firstBlock"/> (for up to 10 s) for another copy of a transaction.</summary>
    private static async Task<(ulong Block, TransactionValidationCode Code)?> FindLaterCopyAsync(LedgerQueries ledger, string transactionId, ulong firstBlock, CancellationToken ct)
    {
        var next = firstBlock + 1;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var height = (await ledger.GetChainInfoAsync(ct)).Height;
            for (; next < height; next++)
            {
                var block = await ledger.GetBlockByNumberAsync(next, ct);
                if (block.Transactions.FirstOrDefault(t => t.TransactionId == transactionId) is { } copy)
                {
                    return (next, copy.ValidationCode);
                }
            }

            await Task.Delay(250, ct);
        }

        return null;
    }
}
