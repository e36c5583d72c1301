using System.Text.RegularExpressions;
using FabricFinance.Bills;
using FabricFinance.IntegrationTests.Bills;
using FabricFinance.IntegrationTests.Infrastructure;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Resilience.Security;

/// <summary>
/// Issue 8, part 5: deal terms travel as transient data and live in private data only, and private
/// keys live in files; none of them may reach a log. After a discount with a distinctive rate and a
/// unique payment reference is requested, accepted and settled, every log of the network (peers,
/// orderer, chaincode services: <c>$FABFIN_STATE_DIR/.logs</c> or <c>network/.logs</c>) is scanned for
/// the rate, the payment reference, the transient terms and PEM private key text.
/// </summary>
[Category("Integration")]
public sealed partial class SecretsInLogsTests
{
    private const int Rate = 4_817;

    private static Market M => ResilienceFixture.Market;

    [Test]
    [CancelAfter(120_000)]
    public async Task Logs_AfterADealWithTerms_HoldNoRateNoPaymentRefNoPrivateKey(CancellationToken ct)
    {
        // Arrange
        M.Clock.SetBusinessDate(new DateOnly(2027, 9, 13));
        var billId = NewId("secret");
        var dealId = NewId("secret-deal");
        var paymentRef = NewId("PAYREF");
        await M.IssueAcceptedBankBillAsync(billId, 250_000, new DateOnly(2027, 12, 13), ct);
        await Step(M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(dealId, billId, BankAId), Rate, ct), ct);
        await Step(M.BankA.Bills.AcceptDealAsync(dealId, ct), ct);
        await Step(M.Exchange.Bills.SettleDealAsync(dealId, paymentRef, ct), ct);
        var terms = await M.Regulator.Bills.GetDealTermsAsync(dealId, ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // let the processes flush their logs

        // Act
        var logs = Directory.GetFiles(Path.Combine(Repository.NetworkState, ".logs"), "*.log");
        var leaks = new List<string>();
        foreach (var log in logs)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(log))
            {
                lineNumber++;
                if (line.Contains(paymentRef, StringComparison.Ordinal) || RateNearItsName().IsMatch(line) || line.Contains("PRIVATE KEY", StringComparison.Ordinal))
                {
                    leaks.Add($"{Path.GetFileName(log)}:{lineNumber}: {(line.Length > 200 ? line[..200] + "…" : line)}");
                }
            }
        }

        // Assert
        await TestContext.Out.WriteLineAsync($"scanned {logs.Length} logs ({string.Join(", ", logs.Select(Path.GetFileName))}) for {paymentRef} and rateBps {Rate}");
        Assert.Multiple(() =>
        {
            Assert.That((terms.RateBps, terms.PaymentRef), Is.EqualTo((Rate, paymentRef)), "the terms are on the ledger, in private data");
            Assert.That(logs.Select(Path.GetFileName), Has.Some.StartsWith("peer0.").And.Some.StartsWith("orderer").And.Some.StartsWith("chaincode-bills"));
            Assert.That(leaks, Is.Empty);
        });
    }

    /// <summary>The rate next to its name, as JSON or text would put it (<c>"rateBps":4817</c>, <c>rateBps=4817</c>, <c>rateBps 4817</c>).</summary>
    [GeneratedRegex(@"rate_?[Bb]ps\W{0,8}4817(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex RateNearItsName();
}
