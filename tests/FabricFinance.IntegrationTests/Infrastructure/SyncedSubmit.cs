using FabricFinance.Client;

namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>Submits that later transactions depend on: committed, and seen by every peer.</summary>
internal static class SyncedSubmit
{
    /// <summary>Submits, waits for the commit, then waits until every peer has that block.</summary>
    public static async Task<CommitStatus> SubmitAsync(Contract contract, string transaction, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var submitted = await contract.StartSubmitAsync(transaction, new ProposalOptions().AddArguments([.. args]), cancellationToken);
        var status = await submitted.GetStatusAsync(cancellationToken);
        Assert.That(status.Successful, Is.True, $"{transaction} committed as {status.Code}");
        await LedgerSync.WaitForBlockAsync(status.BlockNumber, cancellationToken);
        return status;
    }
}
