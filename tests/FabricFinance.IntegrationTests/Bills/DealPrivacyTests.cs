using System.Text;
using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.Client;
using Google.Protobuf;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// Deal terms on real Fabric: they travel as transient data into the pair's terms collection, the
/// counterparties, the exchange and the regulator read them, a third bank is refused, and no
/// block, response or event carries them in clear.
/// </summary>
[Category("Integration")]
public sealed class DealPrivacyTests
{
    private static Market M => BillMarketFixture.Market;

    [Test]
    [CancelAfter(180_000)]
    public async Task Discount_Settled_TermsReadableByPartiesExchangeAndRegulatorOnly_NeverInClear(CancellationToken ct)
    {
        // Arrange: SupplierA (a BankAMSP identity) discounts to BankA, so the terms live in terms_BankAMSP
        // and BankB is the third bank.
        var billId = NewId("priv");
        var dealId = NewId("pdeal");
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 3));
        await M.IssueAcceptedBankBillAsync(billId, 12_345_678, new DateOnly(2027, 9, 3), ct);
        var height = (await M.Watcher.Bills.Network.GetLedger().GetChainInfoAsync(ct)).Height;
        var events = CollectDealEventsAsync(dealId, height, ct);

        // Act
        var requested = await Step(M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(dealId, billId, BankAId), rateBps: 317, ct), ct);
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 4));
        var accepted = await Step(M.BankA.Bills.AcceptDealAsync(dealId, ct), ct);
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 5));
        var settled = await Step(M.Exchange.Bills.SettleDealAsync(dealId, "PAY-" + dealId, ct), ct);
        var bySeller = await M.SupplierA.Bills.GetVerifiedDealTermsAsync(dealId, ct);
        var byBuyer = await M.BankA.Bills.GetDealTermsAsync(dealId, ct);
        var byExchange = await M.Exchange.Bills.GetDealTermsAsync(dealId, ct);
        var byRegulator = await M.Regulator.Bills.GetDealTermsAsync(dealId, ct);
        var thirdBank = Assert.ThrowsAsync<BillForbiddenException>(() => M.BankB.Bills.GetDealTermsAsync(dealId, ct));
        var sameOrgOtherIdentity = Assert.ThrowsAsync<BillForbiddenException>(() => M.CoreCorp.Bills.GetDealTermsAsync(dealId, ct));
        var dealEvents = await events;

        // Assert: the terms as the rulebook computes them at settlement: 182 days from 03-05 to 09-03,
        // interest = round_half_up(12345678 * 317 * 182 / 3600000) = round(197853.207...) = 197853.
        var expected = new DealTerms(182, 197_853, "PAY-" + dealId, 12_345_678 - 197_853, 317);
        var clearTexts = new[] { Encoding.UTF8.GetString(expected.ToCanonicalJson()), "rateBps", "\"payout\"" };
        var blocks = await ReadBlocksAsync(requested.BlockNumber, settled.BlockNumber, ct);
        Assert.Multiple(() =>
        {
            Assert.That(bySeller.Terms, Is.EqualTo(expected));
            Assert.That(byBuyer, Is.EqualTo(expected));
            Assert.That(byExchange, Is.EqualTo(expected));
            Assert.That(byRegulator, Is.EqualTo(expected));
            Assert.That(settled.Value.TermsHash, Is.EqualTo(expected.ComputeHash()));
            Assert.That(accepted.Value.TermsHash, Is.Not.EqualTo(settled.Value.TermsHash));
            Assert.That(thirdBank!.Code, Is.EqualTo(BillErrorCode.Forbidden));
            Assert.That(thirdBank.Sentence, Does.Contain(dealId));
            Assert.That(sameOrgOtherIdentity!.Code, Is.EqualTo(BillErrorCode.Forbidden));
            Assert.That(dealEvents.Select(e => e.EventName), Is.EqualTo(new[] { BillEvents.DealRequested, BillEvents.DealAccepted, BillEvents.DealSettled }));
            foreach (var response in new object[] { requested.Value, accepted.Value, settled.Value })
            {
                Assert.That(Encoding.UTF8.GetString(BillJson.SerializeToUtf8Bytes(response)), Does.Not.Contain("rateBps"), "a response carries terms");
            }

            foreach (var (number, bytes) in blocks)
            {
                foreach (var clear in clearTexts)
                {
                    Assert.That(Encoding.UTF8.GetString(bytes), Does.Not.Contain(clear), $"block {number} carries '{clear}' in clear");
                }
            }
        });
    }

    /// <summary>The deal's events from the current height on, until its settlement (through the watcher, on the system clock).</summary>
    private static async Task<List<DealEvent>> CollectDealEventsAsync(string dealId, ulong height, CancellationToken ct)
    {
        var options = new ChaincodeEventsOptions { StartBlock = height };
        var seen = new List<DealEvent>();
        await foreach (var e in M.Watcher.Bills.GetDealEventsAsync(dealId, options, ct))
        {
            seen.Add(e);
            if (e.EventName == BillEvents.DealSettled)
            {
                break;
            }
        }

        return seen;
    }

    private static async Task<List<(ulong Number, byte[] Bytes)>> ReadBlocksAsync(ulong first, ulong last, CancellationToken ct)
    {
        var ledger = M.Watcher.Bills.Network.GetLedger();
        var blocks = new List<(ulong, byte[])>();
        for (var number = first; number <= last; number++)
        {
            blocks.Add((number, (await ledger.GetBlockByNumberAsync(number, ct)).Block.ToByteArray()));
        }

        return blocks;
    }
}
