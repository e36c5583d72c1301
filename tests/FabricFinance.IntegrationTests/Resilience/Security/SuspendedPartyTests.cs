using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.IntegrationTests.Bills;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Resilience.Security;

/// <summary>
/// Issue 8, part 5: a suspended party on real Fabric can do nothing but read public queries; its
/// identity does not fall back to its MSP's institution (SupplierB acts through BankBMSP). The party
/// is reactivated in a finally block, so the shared network keeps every party active.
/// </summary>
[Category("Integration")]
public sealed class SuspendedPartyTests
{
    private static Market M => ResilienceFixture.Market;

    [Test]
    [CancelAfter(120_000)]
    public async Task SuspendedEnterprise_SubmitsForbiddenQueriesServedAndReactivatedAfter(CancellationToken ct)
    {
        // Arrange
        M.Clock.SetBusinessDate(new DateOnly(2027, 9, 8));
        var billId = NewId("suspended");
        await Step(M.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(billId, BillKind.Bank, "SupplierB", BankAId, 10_000, new DateOnly(2027, 12, 8), Transferable: true), ct), ct);
        await Step(M.BankA.Bills.AcceptBillAsync(billId, ct), ct);
        BillMarketException? issue;
        BillMarketException? endorse;
        Bill read;
        try
        {
            await Step(M.Exchange.Bills.SetPartyStatusAsync("SupplierB", PartyStatus.Suspended, ct), ct);

            // Act
            issue = Assert.CatchAsync<BillMarketException>(() =>
                M.SupplierB.Bills.IssueBillAsync(new IssueBillRequest(NewId("suspended-issue"), BillKind.Bank, "SupplierA", BankAId, 100, new DateOnly(2027, 12, 8), Transferable: true), ct));
            endorse = Assert.CatchAsync<BillMarketException>(() => M.SupplierB.Bills.EndorseBillAsync(billId, "SupplierA", cancellationToken: ct));
            read = await M.SupplierB.Bills.GetBillAsync(billId, ct);
        }
        finally
        {
            await Step(M.Exchange.Bills.SetPartyStatusAsync("SupplierB", PartyStatus.Active, CancellationToken.None), CancellationToken.None);
        }

        var after = await M.Regulator.Bills.GetPartyAsync("SupplierB", ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(issue, Is.InstanceOf<BillForbiddenException>());
            Assert.That(endorse, Is.InstanceOf<BillForbiddenException>());
            Assert.That(endorse!.Sentence, Does.Contain("SupplierB is suspended"), "no fall back to the BankB institution");
            Assert.That(read.Holder, Is.EqualTo("SupplierB"), "public queries are still served, and the bill did not move");
            Assert.That(after.Status, Is.EqualTo(PartyStatus.Active), "reactivated");
        });
    }
}
