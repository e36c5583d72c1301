namespace FabricFinance.IntegrationTests.Resilience.Audit;

/// <summary>
/// What <see cref="LedgerAudit.RunAsync"/> found: how much it checked, and every broken rule, one
/// sentence each naming the bill, version or transaction.
/// </summary>
/// <param name="BillsChecked">How many bills (sub-bills included) were listed and replayed.</param>
/// <param name="VersionsReplayed">How many history versions were checked against the state machine.</param>
/// <param name="TransactionsFound">How many of the client's committed transaction ids were found on the ledger as VALID.</param>
/// <param name="Violations">Every rule the ledger breaks; empty when the ledger is sound.</param>
internal sealed record AuditReport(int BillsChecked, int VersionsReplayed, int TransactionsFound, IReadOnlyList<string> Violations)
{
    /// <summary>The most violations <see cref="AssertClean"/> lists in its failure message.</summary>
    private const int ListedViolations = 100;

    /// <summary>Gets whether the audit found nothing wrong.</summary>
    public bool IsClean => Violations.Count == 0;

    /// <summary>Fails the running NUnit test when the audit found violations, listing them.</summary>
    public void AssertClean() =>
        Assert.That(Violations, Is.Empty, () =>
            $"ledger audit ({this}) found {Violations.Count} violation(s):{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", Violations.Take(ListedViolations))
            + (Violations.Count > ListedViolations ? $"{Environment.NewLine}  … and {Violations.Count - ListedViolations} more" : string.Empty));

    /// <summary>One line for test logs: the counts and the number of violations.</summary>
    public override string ToString() =>
        $"{BillsChecked} bills, {VersionsReplayed} versions replayed, {TransactionsFound} committed transactions found VALID, {Violations.Count} violations";
}
