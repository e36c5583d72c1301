using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.IntegrationTests.Bills;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Resilience.Audit;

/// <summary>
/// The audit audited: after a life with splits and a settled partial discount it finds the ledger
/// clean and every transaction VALID; fed the same real histories tampered with, it names each
/// broken rule.
/// </summary>
[Category("Integration")]
public sealed class LedgerAuditTests
{
    private static Market M => ResilienceFixture.Market;

    [Test]
    [CancelAfter(180_000)]
    public async Task RunAsync_AfterSplitsAndASettledPartialDiscount_IsCleanAndFindsEveryTransaction(CancellationToken ct)
    {
        // Arrange
        var (billId, committed) = await SplitLifeAsync(ct);

        // Act
        var report = await LedgerAudit.RunAsync(M, committed, ct);

        // Assert
        report.AssertClean();
        Assert.Multiple(() =>
        {
            Assert.That(report.TransactionsFound, Is.EqualTo(committed.Count));
            Assert.That(report.BillsChecked, Is.GreaterThanOrEqualTo(5), $"{billId}, its parts .1 and .2, and .2's parts");
            Assert.That(report.VersionsReplayed, Is.GreaterThanOrEqualTo(report.BillsChecked));
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Check_TamperedRealHistories_NamesEachBrokenRule(CancellationToken ct)
    {
        // Arrange: real histories of a bill and its parts
        var (billId, _) = await SplitLifeAsync(ct);
        var family = new List<Bill>();
        var histories = new Dictionary<string, IReadOnlyList<BillHistoryEntry>>(StringComparer.Ordinal);
        foreach (var id in new[] { billId, billId + ".1", billId + ".2", billId + ".2.1", billId + ".2.2" })
        {
            family.Add(await M.Regulator.Bills.GetBillAsync(id, ct));
            histories[id] = await M.Regulator.Bills.GetBillHistoryAsync(id, ct);
        }

        var root = histories[billId];
        var accepted = root[1].Value!;
        var thief = accepted with { Version = accepted.Version + 1, Holder = "SupplierB" };
        var skipped = accepted with { Version = accepted.Version + 2, Status = BillStatus.Presented };
        var revived = root[^1].Value! with { Version = root[^1].Value!.Version + 1, Status = BillStatus.Active };
        var backdated = accepted with { Version = accepted.Version + 1, Status = BillStatus.Frozen, FrozenFrom = BillStatus.Active, UpdateDate = accepted.UpdateDate.AddDays(-1) };
        var overlapping = family[4] with { Range = [family[4].Range[0] - 1, family[4].Range[1]], Amount = family[4].Amount + 1 };

        // Act
        var honest = BillHistoryAudit.Check(family[0], root).Concat(BillFamilyAudit.Check(family, histories)).ToList();
        var stolen = BillHistoryAudit.Check(thief, [.. root.Take(2), Entry(root[1], thief)]);
        var jumped = BillHistoryAudit.Check(skipped, [.. root.Take(2), Entry(root[1], skipped)]);
        var resurrected = BillHistoryAudit.Check(revived, [.. root, Entry(root[^1], revived)]);
        var rewound = BillHistoryAudit.Check(backdated, [.. root.Take(2), Entry(root[1], backdated)]);
        var doubled = BillFamilyAudit.Check([.. family.Take(4), overlapping], histories);
        var orphaned = BillFamilyAudit.Check(family.Where(b => b.Id != billId + ".2.2").ToList(), histories);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(honest, Is.Empty, "the real histories are sound");
            Assert.That(stolen, Has.Some.Contains("the holder changed from SupplierA to SupplierB with 0 new trail entries"));
            Assert.That(jumped, Has.Some.Contains("the version did not go up by exactly one"));
            Assert.That(resurrected, Has.Some.Contains("Split is final, yet the bill changed"));
            Assert.That(rewound, Has.Some.Contains("the business date ran backwards"));
            Assert.That(doubled, Has.Some.Contains("are covered twice"));
            Assert.That(orphaned, Has.Some.Contains("part .2 is missing").And.Some.Contains("belong to no live part"));
        });
    }

    /// <summary>
    /// A 1,000,000-fen bill: accepted, 300,000 endorsed to SupplierB (split into .1 and .2), 200,000 of
    /// .2 sold to BankA (split into .2.1 and .2.2), the deal settled. Returns the transaction ids.
    /// </summary>
    private static async Task<(string BillId, List<string> Committed)> SplitLifeAsync(CancellationToken ct)
    {
        var billId = NewId("audit");
        var dealId = NewId("audit-d");
        var committed = new List<string>();
        async Task Do<T>(Task<Committed<T>> submit) => committed.Add((await Step(submit, ct)).TransactionId);

        M.Clock.SetBusinessDate(new DateOnly(2027, 5, 3));
        await Do(M.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(billId, BillKind.Bank, "SupplierA", BankAId, 1_000_000, new DateOnly(2027, 9, 30), Transferable: true), ct));
        await Do(M.BankA.Bills.AcceptBillAsync(billId, ct));
        M.Clock.SetBusinessDate(new DateOnly(2027, 5, 6));
        await Do(M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", 300_000, ct));
        M.Clock.SetBusinessDate(new DateOnly(2027, 5, 10));
        await Do(M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(dealId, billId + ".2", BankAId, 200_000), rateBps: 300, ct));
        await Do(M.BankA.Bills.AcceptDealAsync(dealId, ct));
        await Do(M.Exchange.Bills.SettleDealAsync(dealId, "PAY-" + dealId, ct));
        return (billId, committed);
    }

    private static BillHistoryEntry Entry(BillHistoryEntry template, Bill value) => template with { TxId = template.TxId + "-tampered", Value = value };
}
