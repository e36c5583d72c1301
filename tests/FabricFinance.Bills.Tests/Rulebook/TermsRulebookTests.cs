using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, "Deals": <c>days</c> = calendar days from the business date to the due date,
/// <c>interest = round_half_up(amount * rateBps * days / (10000 * 360))</c> in integers, <c>payout =
/// amount - interest</c>, computed at acceptance and recomputed at settlement if the date moved; the
/// canonical terms JSON <c>{"days":…,"interest":…,"paymentRef":…,"payout":…,"rateBps":…}</c> and its
/// SHA-256, the public <c>termsHash</c>, at each stage. Every expected value is worked by hand below.
/// </summary>
[TestFixture]
public sealed class TermsRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;
    private static readonly DateOnly NewYear = new(2026, 1, 1);

    public static IEnumerable<TestCaseData> Arithmetic()
    {
        // 100,000,000 fen at 300 bps for 90 days: 100000000*300*90 = 2,700,000,000,000;
        // / 3,600,000 = 750,000 exactly. Payout 99,250,000.
        yield return Case("Exact", 100_000_000, 300, 90, 750_000, 99_250_000);

        // 1 fen at 10000 bps for 180 days: 1*10000*180 = 1,800,000; / 3,600,000 = 0.5 exactly,
        // which rounds half up to 1. Payout 0.
        yield return Case("OneFenHalfRoundsUp", 1, 10_000, 180, 1, 0);

        // 1,000 fen at 1800 bps for 1 day: 1,800,000 / 3,600,000 = 0.5 -> 1. Payout 999.
        yield return Case("HalfRoundsUp", 1_000, 1_800, 1, 1, 999);

        // 999 fen at 1800 bps for 1 day: 1,798,200 / 3,600,000 = 0.4995 -> 0. Payout 999.
        yield return Case("JustBelowHalfRoundsDown", 999, 1_800, 1, 0, 999);

        // 5,000 fen at 1800 bps for 1 day: 9,000,000 / 3,600,000 = 2.5 -> 3 (half up, not half to even,
        // which would give 2). Payout 4,997.
        yield return Case("TwoAndAHalfRoundsUpNotToEven", 5_000, 1_800, 1, 3, 4_997);

        // 4,999 fen at 1800 bps for 1 day: 8,998,200 / 3,600,000 = 2.4995 -> 2. Payout 4,997.
        yield return Case("TwoPoint4995RoundsDown", 4_999, 1_800, 1, 2, 4_997);

        // 7 fen at 1 bps for 1 day: 7 / 3,600,000 -> 0. Payout 7.
        yield return Case("TinyInterestIsZero", 7, 1, 1, 0, 7);

        // 10^13 fen at 10000 bps for 181 days (2026-01-01 to 2026-07-01, the six-month limit):
        // 10^13 * 10^4 * 181 = 1.81 * 10^19, above 2^63 - 1 (about 9.22 * 10^18): a 64-bit product
        // overflows. 1.81 * 10^19 / 3.6 * 10^6 = 181 * 10^12 / 36 = 5,027,777,777,777.77... -> 5,027,777,777,778.
        // Payout 10,000,000,000,000 - 5,027,777,777,778 = 4,972,222,222,222.
        yield return Case("LargestBillHighestRateLongestTenor", 10_000_000_000_000, 10_000, 181, 5_027_777_777_778, 4_972_222_222_222);

        static TestCaseData Case(string name, long amount, int rateBps, int days, long interest, long payout) =>
            new TestCaseData(amount, rateBps, days, interest, payout).SetName($"AcceptDeal_{name}_TermsWorkedByHand");
    }

    [TestCaseSource(nameof(Arithmetic))]
    [CancelAfter(10_000)]
    public async Task AcceptDeal_AmountRateDays_InterestAndPayout(long amount, int rateBps, int days, long interest, long payout)
    {
        // Arrange: issued, accepted and dealt on 2026-01-01, due `days` days later.
        var market = await BillMarketHarness.StartAsync(start: BillMarketHarness.At(NewYear));
        await market.IssueAcceptedAsync(amount: amount, dueDate: NewYear.AddDays(days));
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, rateBps);

        // Act
        var deal = await market.AcceptDealAsync(Cast.BankC, "D1");

        // Assert
        var expected = $"{{\"days\":{days},\"interest\":{interest},\"paymentRef\":null,\"payout\":{payout},\"rateBps\":{rateBps}}}";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await market.GetTermsAsync("D1"), Is.EqualTo(expected));
            Assert.That(deal.TermsHash, Is.EqualTo(Hashes.Sha256Hex(expected)));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task TermsHash_EachStage_HashOfTheCanonicalTermsAsTheyStand()
    {
        // Arrange: 100,000,000 fen due 2026-05-31, dealt at 300 bps on 2026-03-02 (90 days before).
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync(amount: 100_000_000, dueDate: new DateOnly(2026, 5, 31));

        // Act
        var requested = await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        var termsRequested = await market.GetTermsAsync("D1");
        var accepted = await market.AcceptDealAsync(Cast.BankC, "D1");
        var termsAccepted = await market.GetTermsAsync("D1");
        var settled = await market.SettleAsync("D1", "PAY-20260302-001");
        var termsSettled = await market.GetTermsAsync("D1");

        // Assert
        // Request: only the rate is known.
        const string atRequest = "{\"days\":null,\"interest\":null,\"paymentRef\":null,\"payout\":null,\"rateBps\":300}";

        // Accept, 2026-03-02 -> 2026-05-31 = 29 + 30 + 31 = 90 days: 100000000*300*90/3600000 = 750,000; payout 99,250,000.
        const string atAccept = "{\"days\":90,\"interest\":750000,\"paymentRef\":null,\"payout\":99250000,\"rateBps\":300}";

        // Settle the same day: the same values, completed with the payment reference.
        const string atSettle = "{\"days\":90,\"interest\":750000,\"paymentRef\":\"PAY-20260302-001\",\"payout\":99250000,\"rateBps\":300}";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(termsRequested, Is.EqualTo(atRequest));
            Assert.That(requested.TermsHash, Is.EqualTo(Hashes.Sha256Hex(atRequest)));
            Assert.That(termsAccepted, Is.EqualTo(atAccept));
            Assert.That(accepted.TermsHash, Is.EqualTo(Hashes.Sha256Hex(atAccept)));
            Assert.That(termsSettled, Is.EqualTo(atSettle));
            Assert.That(settled.TermsHash, Is.EqualTo(Hashes.Sha256Hex(atSettle)));
            Assert.That(requested.TermsHash, Does.Match("^[0-9a-f]{64}$"), "lowercase hex");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task SettleDeal_DateMoved_TermsRecomputed()
    {
        // Arrange: accepted 2026-03-02 (90 days), settled 2026-03-04 (88 days before 2026-05-31).
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync(amount: 100_000_000, dueDate: new DateOnly(2026, 5, 31));
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        await market.AcceptDealAsync(Cast.BankC, "D1");
        market.SetToday(new DateOnly(2026, 3, 4));

        // Act
        var settled = await market.SettleAsync("D1", "PAY-20260304-001");

        // Assert: 100000000*300*88 = 2,640,000,000,000; / 3,600,000 = 733,333.33 -> 733,333; payout 99,266,667.
        const string expected = "{\"days\":88,\"interest\":733333,\"paymentRef\":\"PAY-20260304-001\",\"payout\":99266667,\"rateBps\":300}";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await market.GetTermsAsync("D1"), Is.EqualTo(expected));
            Assert.That(settled.TermsHash, Is.EqualTo(Hashes.Sha256Hex(expected)));
            Assert.That(settled.SettleDate, Is.EqualTo(new DateOnly(2026, 3, 4)));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AcceptDeal_AcceptedDaysAfterRequest_DaysFromTheAcceptanceDate()
    {
        // Arrange: requested 2026-03-02, accepted 2026-03-05: 2026-03-05 -> 2026-05-31 = 26 + 30 + 31 = 87 days.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync(amount: 100_000_000, dueDate: new DateOnly(2026, 5, 31));
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        market.SetToday(new DateOnly(2026, 3, 5));

        // Act
        var accepted = await market.AcceptDealAsync(Cast.BankC, "D1");

        // Assert: 100000000*300*87 = 2,610,000,000,000 / 3,600,000 = 725,000 exactly; payout 99,275,000.
        const string expected = "{\"days\":87,\"interest\":725000,\"paymentRef\":null,\"payout\":99275000,\"rateBps\":300}";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await market.GetTermsAsync("D1"), Is.EqualTo(expected));
            Assert.That(accepted.TermsHash, Is.EqualTo(Hashes.Sha256Hex(expected)));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AcceptDeal_PartialDeal_TermsOnTheAmountSold()
    {
        // Arrange: 400,000 of the 1,000,000 fen sold at 3600 bps, 2026-03-02 -> 2026-06-01 = 91 days.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 3_600, 400_000);

        // Act
        var accepted = await market.AcceptDealAsync(Cast.BankC, "D1");

        // Assert: 400000*3600*91 = 131,040,000,000 / 3,600,000 = 36,400 exactly; payout 363,600.
        const string expected = "{\"days\":91,\"interest\":36400,\"paymentRef\":null,\"payout\":363600,\"rateBps\":3600}";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await market.GetTermsAsync("D1"), Is.EqualTo(expected));
            Assert.That(accepted.TermsHash, Is.EqualTo(Hashes.Sha256Hex(expected)));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task AcceptDeal_DayBeforeDue_OneDay()
    {
        // Arrange: due 2026-06-01, accepted 2026-05-31: days = 1 (at least 1).
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 3_600);
        market.SetToday(new DateOnly(2026, 5, 31), 23);

        // Act
        await market.AcceptDealAsync(Cast.BankC, "D1");

        // Assert: 1000000*3600*1 = 3,600,000,000 / 3,600,000 = 1,000; payout 999,000.
        Assert.That(await market.GetTermsAsync("D1"), Is.EqualTo("{\"days\":1,\"interest\":1000,\"paymentRef\":null,\"payout\":999000,\"rateBps\":3600}"));
    }

    public static IEnumerable<TestCaseData> Rates()
    {
        yield return new TestCaseData("{\"rateBps\":1}", null).SetName("RequestDiscount_Rate1Bps_Succeeds");
        yield return new TestCaseData("{\"rateBps\":10000}", null).SetName("RequestDiscount_Rate10000Bps_Succeeds");
        yield return new TestCaseData("{\"rateBps\":0}", "INVALID_ARGUMENT").SetName("RequestDiscount_Rate0Bps_InvalidArgument");
        yield return new TestCaseData("{\"rateBps\":10001}", "INVALID_ARGUMENT").SetName("RequestDiscount_Rate10001Bps_InvalidArgument");
        yield return new TestCaseData("{\"rateBps\":-300}", "INVALID_ARGUMENT").SetName("RequestDiscount_RateNegative_InvalidArgument");
        yield return new TestCaseData("{\"rateBps\":300.5}", "INVALID_ARGUMENT").SetName("RequestDiscount_RateFraction_InvalidArgument");
        yield return new TestCaseData("{\"rateBps\":3e2}", "INVALID_ARGUMENT").SetName("RequestDiscount_RateExponent_InvalidArgument");
        yield return new TestCaseData("{\"rateBps\":\"300\"}", "INVALID_ARGUMENT").SetName("RequestDiscount_RateString_InvalidArgument");
        yield return new TestCaseData("{\"rateBps\":null}", "INVALID_ARGUMENT").SetName("RequestDiscount_RateNull_InvalidArgument");
        yield return new TestCaseData("{}", "INVALID_ARGUMENT").SetName("RequestDiscount_RateMissing_InvalidArgument");
        yield return new TestCaseData("{\"rateBps\":300,\"interest\":1}", "INVALID_ARGUMENT").SetName("RequestDiscount_TermsUnknownField_InvalidArgument");
        yield return new TestCaseData("{\"rateBps\":300", "INVALID_ARGUMENT").SetName("RequestDiscount_TermsMalformed_InvalidArgument");
        yield return new TestCaseData("[300]", "INVALID_ARGUMENT").SetName("RequestDiscount_TermsNotAnObject_InvalidArgument");
        yield return new TestCaseData(string.Empty, "INVALID_ARGUMENT").SetName("RequestDiscount_TermsEmpty_InvalidArgument");
    }

    [TestCaseSource(nameof(Rates))]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_TransientTerms_Outcome(string terms, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        var transient = Args.Transient("terms", terms);

        // Act + Assert
        if (expectedCode is null)
        {
            Expect.Success(await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], transient));
            return;
        }

        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], expectedCode, transient);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_NoTransientTerms_InvalidArgument()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], "INVALID_ARGUMENT");
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC)], "INVALID_ARGUMENT", Args.Transient("rate", "{\"rateBps\":300}"));
    }

    public static IEnumerable<TestCaseData> Settlements()
    {
        yield return new TestCaseData(null, "INVALID_ARGUMENT").SetName("SettleDeal_NoSettlement_InvalidArgument");
        yield return new TestCaseData("{}", "INVALID_ARGUMENT").SetName("SettleDeal_PaymentRefMissing_InvalidArgument");
        yield return new TestCaseData("{\"paymentRef\":\"\"}", "INVALID_ARGUMENT").SetName("SettleDeal_PaymentRefEmpty_InvalidArgument");
        yield return new TestCaseData("{\"paymentRef\":null}", "INVALID_ARGUMENT").SetName("SettleDeal_PaymentRefNull_InvalidArgument");
        yield return new TestCaseData("{\"paymentRef\":42}", "INVALID_ARGUMENT").SetName("SettleDeal_PaymentRefNumber_InvalidArgument");
        yield return new TestCaseData("{\"paymentRef\":\"" + new string('P', 5_000) + "\"}", "INVALID_ARGUMENT").SetName("SettleDeal_PaymentRefOversize_InvalidArgument");
        yield return new TestCaseData("{\"paymentRef\":\"PAY-1\",\"amount\":5}", "INVALID_ARGUMENT").SetName("SettleDeal_UnknownField_InvalidArgument");
        yield return new TestCaseData("{\"paymentRef\":\"PAY-1\"", "INVALID_ARGUMENT").SetName("SettleDeal_Malformed_InvalidArgument");
        yield return new TestCaseData("{\"paymentRef\":\"PAY-1\"}", null).SetName("SettleDeal_ValidSettlement_Succeeds");
    }

    [TestCaseSource(nameof(Settlements))]
    [CancelAfter(10_000)]
    public async Task SettleDeal_TransientSettlement_Outcome(string? settlement, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300);
        await market.AcceptDealAsync(Cast.BankC, "D1");
        var transient = settlement is null ? null : Args.Transient("settlement", settlement);

        // Act + Assert
        if (expectedCode is null)
        {
            Expect.Success(await market.SubmitAsync(Cast.Exchange, "SettleDeal", ["D1"], transient));
            return;
        }

        await Expect.RefusedUnchangedAsync(market, Cast.Exchange, "SettleDeal", ["D1"], expectedCode, transient);
    }
}
