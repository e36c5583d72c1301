using FabricFinance.Bills;
using FabricFinance.IntegrationTests.Bills;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Resilience.Security;

/// <summary>
/// One bill or deal in each state the authorization matrix needs, with fresh ids: pending, active
/// (SupplierA holds), held by a bank (BankA, after a settled discount), presented, frozen; a requested
/// and an accepted deal (SupplierA sells to BankA).
/// </summary>
internal sealed record MatrixWorld(
    DateOnly Start,
    DateOnly Due,
    string Pending,
    string Active,
    string BankHeld,
    string Presented,
    DateOnly PresentedOn,
    string Frozen,
    string RequestedDeal,
    string AcceptedDeal)
{
    public static async Task<MatrixWorld> ArrangeAsync(Market m, CancellationToken ct)
    {
        var start = new DateOnly(2027, 8, 2);
        var due = new DateOnly(2027, 11, 30);
        var shortDue = start.AddDays(3);
        m.Clock.SetBusinessDate(start);
        var world = new MatrixWorld(
            start, due, NewId("mx-pending"), NewId("mx-active"), NewId("mx-bank"), NewId("mx-presented"), shortDue, NewId("mx-frozen"), NewId("mx-deal"), NewId("mx-accepted"));
        var sold = NewId("mx-sold");
        var accepted = NewId("mx-acc-bill");

        await Step(m.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(world.Pending, BillKind.Bank, "SupplierA", BankAId, 1_000, due, Transferable: true), ct), ct);
        foreach (var id in new[] { world.Active, world.BankHeld, world.Frozen, sold, accepted })
        {
            await m.IssueAcceptedBankBillAsync(id, 100_000, due, ct);
        }

        await Step(m.SupplierA.Bills.RequestDiscountAsync(new DealRequest(world.RequestedDeal, sold, BankAId), 300, ct), ct);
        await Step(m.SupplierA.Bills.RequestDiscountAsync(new DealRequest(world.AcceptedDeal, accepted, BankAId), 300, ct), ct);
        await Step(m.BankA.Bills.AcceptDealAsync(world.AcceptedDeal, ct), ct);
        var toBank = NewId("mx-to-bank");
        await Step(m.SupplierA.Bills.RequestDiscountAsync(new DealRequest(toBank, world.BankHeld, BankAId), 300, ct), ct);
        await Step(m.BankA.Bills.AcceptDealAsync(toBank, ct), ct);
        await Step(m.Exchange.Bills.SettleDealAsync(toBank, "PAY-" + toBank, ct), ct);
        await Step(m.Exchange.Bills.FreezeBillAsync(world.Frozen, "matrix", ct), ct);
        await m.IssueAcceptedBankBillAsync(world.Presented, 100_000, shortDue, ct);
        m.Clock.SetBusinessDate(shortDue);
        await Step(m.SupplierA.Bills.PresentForPaymentAsync(world.Presented, ct), ct);
        m.Clock.SetBusinessDate(start);
        return world;
    }
}
