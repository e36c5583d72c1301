using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, row IssueBill and the bill record: who may issue, what payee and acceptor may be, the
/// amount range, ids unique forever, and the due date: strictly after the issue date (the business
/// date in UTC+8) and at most six calendar months after it, clamped to the month's end.
/// </summary>
[TestFixture]
public sealed class IssueBillRulebookTests
{
    private static readonly DateOnly Due = BillMarketHarness.StandardDueDate;

    public static IEnumerable<TestCaseData> Callers()
    {
        foreach (var enterprise in new[] { Cast.CoreCorp, Cast.SupplierC })
        {
            yield return new TestCaseData(enterprise, null).SetName($"IssueBill_ActiveEnterprise{enterprise}_Succeeds");
        }

        foreach (var actor in new[] { Cast.BankA, Cast.BankB, Cast.Exchange, Cast.Regulator, Cast.Dormant, Cast.Stranger, Cast.Outsider, Cast.BankAStaff })
        {
            yield return new TestCaseData(actor, "FORBIDDEN").SetName($"IssueBill_{actor}_Forbidden");
        }
    }

    [TestCaseSource(nameof(Callers))]
    [CancelAfter(10_000)]
    public async Task IssueBill_Caller_Outcome(string actor, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var request = Args.Issue("B1", Cast.SupplierA, Cast.BankA, 1_000_000, Due);

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, actor, "IssueBill", [request], expectedCode);
            return;
        }

        var events = market.Ledger.Events.Count;
        var result = await market.SubmitAsync(actor, "IssueBill", request);
        Expect.OneEvent(market, events, result, "BillIssued");
        Assert.That(Read.Bill(result).Drawer, Is.EqualTo(actor), "the caller is the drawer");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBill_Valid_NewBillAsTheRulebookDescribes()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act
        var result = await market.SubmitAsync(Cast.CoreCorp, "IssueBill", Args.Issue("B1", Cast.SupplierA, Cast.BankA, 1_000_000, Due));

        // Assert
        Expect.Success(result);
        var bill = Read.Bill(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bill.Id, Is.EqualTo("B1"));
            Assert.That(bill.Kind, Is.EqualTo(BillKind.Bank));
            Assert.That(bill.Drawer, Is.EqualTo(Cast.CoreCorp));
            Assert.That(bill.Payee, Is.EqualTo(Cast.SupplierA));
            Assert.That(bill.Acceptor, Is.EqualTo(Cast.BankA));
            Assert.That(bill.Amount, Is.EqualTo(1_000_000));
            Assert.That(bill.Currency, Is.EqualTo("CNY"));
            Assert.That(bill.IssueDate, Is.EqualTo(new DateOnly(2026, 3, 2)));
            Assert.That(bill.DueDate, Is.EqualTo(Due));
            Assert.That(bill.Transferable, Is.True);
            Assert.That(bill.Holder, Is.EqualTo(Cast.CoreCorp), "holder = drawer until acceptance");
            Assert.That(bill.Status, Is.EqualTo(BillStatus.PendingAcceptance));
            Assert.That(bill.Range, Is.EqualTo(new long[] { 1, 1_000_000 }), "a new bill is [1, amount]");
            Assert.That(bill.Parent, Is.Null);
            Assert.That(bill.Trail, Is.Empty);
            Assert.That(bill.Version, Is.EqualTo(1));
            Assert.That(result.PayloadText, Does.Contain("\"amount\":1000000"), "amounts are JSON integers");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBill_CommercialBillWithEnterpriseAcceptor_Succeeds()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act
        var result = await market.SubmitAsync(Cast.SupplierC, "IssueBill", Args.Issue("C1", Cast.SupplierA, Cast.CoreCorp, 50_000, Due, kind: BillKind.Commercial));

        // Assert
        Expect.Success(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Read.Bill(result).Kind, Is.EqualTo(BillKind.Commercial));
            Assert.That(Read.Bill(result).Acceptor, Is.EqualTo(Cast.CoreCorp));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBill_NotTransferable_RecordsIt()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act
        var result = await market.SubmitAsync(Cast.CoreCorp, "IssueBill", Args.Issue("B1", Cast.SupplierA, Cast.BankA, 100, Due, transferable: false));

        // Assert
        Expect.Success(result);
        Assert.That(Read.Bill(result).Transferable, Is.False);
    }

    public static IEnumerable<TestCaseData> PartyValues()
    {
        yield return Case("PayeeIsDrawer", Cast.CoreCorp, Cast.BankA, BillKind.Bank, "INVALID_ARGUMENT");
        yield return Case("PayeeIsBank", Cast.BankB, Cast.BankA, BillKind.Bank, "INVALID_ARGUMENT");
        yield return Case("PayeeIsExchange", Cast.Exchange, Cast.BankA, BillKind.Bank, "INVALID_ARGUMENT");
        yield return Case("PayeeSuspended", Cast.Dormant, Cast.BankA, BillKind.Bank, "INVALID_ARGUMENT");
        yield return Case("PayeeUnknown", "Ghost", Cast.BankA, BillKind.Bank, "NOT_FOUND");
        yield return Case("BankBillAcceptedByEnterprise", Cast.SupplierA, Cast.SupplierC, BillKind.Bank, "INVALID_ARGUMENT");
        yield return Case("BankBillAcceptedByExchange", Cast.SupplierA, Cast.Exchange, BillKind.Bank, "INVALID_ARGUMENT");
        yield return Case("BankBillAcceptedByRegulator", Cast.SupplierA, Cast.Regulator, BillKind.Bank, "INVALID_ARGUMENT");
        yield return Case("CommercialBillAcceptedByBank", Cast.SupplierA, Cast.BankA, BillKind.Commercial, "INVALID_ARGUMENT");
        yield return Case("CommercialBillAcceptedBySuspended", Cast.SupplierA, Cast.Dormant, BillKind.Commercial, "INVALID_ARGUMENT");
        yield return Case("AcceptorUnknown", Cast.SupplierA, "GhostBank", BillKind.Bank, "NOT_FOUND");
        yield return Case("OtherBankAcceptor", Cast.SupplierA, Cast.BankC, BillKind.Bank, null);
        yield return Case("SupplierOfAnotherMspAsPayee", Cast.SupplierB, Cast.BankA, BillKind.Bank, null);

        static TestCaseData Case(string name, string payee, string acceptor, BillKind kind, string? code) =>
            new TestCaseData(payee, acceptor, kind, code).SetName($"IssueBill_{name}_{code ?? "Succeeds"}");
    }

    [TestCaseSource(nameof(PartyValues))]
    [CancelAfter(10_000)]
    public async Task IssueBill_PayeeAndAcceptor_Outcome(string payee, string acceptor, BillKind kind, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var request = Args.Issue("B1", payee, acceptor, 100, Due, kind: kind);

        // Act + Assert
        if (expectedCode is null)
        {
            Expect.Success(await market.SubmitAsync(Cast.CoreCorp, "IssueBill", request));
            return;
        }

        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "IssueBill", [request], expectedCode);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBill_SuspendedBankAsAcceptor_InvalidArgument()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.SuspendAsync(Cast.BankC);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "IssueBill", [Args.Issue("B1", Cast.SupplierA, Cast.BankC, 100, Due)], "INVALID_ARGUMENT");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBill_ExistingId_AlreadyExists()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueStandardAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierC, "IssueBill", [Args.Issue("B1", Cast.SupplierA, Cast.BankB, 100, Due)], "ALREADY_EXISTS");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBill_IdOfCancelledBill_AlreadyExists()
    {
        // Arrange: "unique forever (a cancelled id is not reusable)".
        var market = await BillMarketHarness.StartAsync();
        await Scenarios.ArrangeBillAsync(market, BillState.CancelledByDrawer);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "IssueBill", [Args.Issue("B1", Cast.SupplierA, Cast.BankA, 100, Due)], "ALREADY_EXISTS");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBill_IdOfExistingSubBill_InvalidArgument()
    {
        // Arrange: "B1.1" exists, but a client-chosen id is [A-Za-z0-9_-]{1,64}: the dot is refused first.
        var market = await BillMarketHarness.StartAsync();
        await Scenarios.ArrangeBillAsync(market, BillState.Split);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "IssueBill", [Args.Issue("B1.1", Cast.SupplierA, Cast.BankA, 100, Due)], "INVALID_ARGUMENT");
    }

    public static IEnumerable<TestCaseData> Amounts()
    {
        yield return new TestCaseData(1L, null).SetName("IssueBill_AmountOneFen_Succeeds");
        yield return new TestCaseData(10_000_000_000_000L, null).SetName("IssueBill_AmountTenToThe13_Succeeds");
        yield return new TestCaseData(0L, "INVALID_ARGUMENT").SetName("IssueBill_AmountZero_InvalidArgument");
        yield return new TestCaseData(-1L, "INVALID_ARGUMENT").SetName("IssueBill_AmountNegative_InvalidArgument");
        yield return new TestCaseData(10_000_000_000_001L, "INVALID_ARGUMENT").SetName("IssueBill_AmountAboveTenToThe13_InvalidArgument");
        yield return new TestCaseData(long.MaxValue, "INVALID_ARGUMENT").SetName("IssueBill_AmountLongMax_InvalidArgument");
    }

    [TestCaseSource(nameof(Amounts))]
    [CancelAfter(10_000)]
    public async Task IssueBill_Amount_Outcome(long amount, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var request = Args.Issue("B1", Cast.SupplierA, Cast.BankA, amount, Due);

        // Act + Assert
        if (expectedCode is null)
        {
            var result = await market.SubmitAsync(Cast.CoreCorp, "IssueBill", request);
            Expect.Success(result);
            Assert.That(Read.Bill(result).Range, Is.EqualTo(new[] { 1, amount }));
            return;
        }

        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "IssueBill", [request], expectedCode);
    }

    public static IEnumerable<TestCaseData> DueDates()
    {
        // issue date, due date, allowed: the limit is the same day six months later, clamped to that month's end.
        yield return Case("2026-03-02", "2026-03-03", true, "NextDay");
        yield return Case("2026-03-02", "2026-03-02", false, "SameDay");
        yield return Case("2026-03-02", "2026-03-01", false, "DayBefore");
        yield return Case("2026-03-02", "2026-09-02", true, "SixMonthsToTheDay");
        yield return Case("2026-03-02", "2026-09-03", false, "SixMonthsAndADay");
        yield return Case("2026-01-15", "2026-07-15", true, "MidMonthLimit");
        yield return Case("2026-01-15", "2026-07-16", false, "MidMonthLimitPlusOne");
        yield return Case("2026-03-31", "2026-09-30", true, "Mar31ClampsToSep30");
        yield return Case("2026-03-31", "2026-10-01", false, "Mar31ToOct01");
        yield return Case("2026-08-31", "2027-02-28", true, "Aug31ClampsToFeb28");
        yield return Case("2026-08-31", "2027-03-01", false, "Aug31ToMar01");
        yield return Case("2026-08-29", "2027-02-28", true, "Aug29ClampsToFeb28");
        yield return Case("2026-08-29", "2027-03-01", false, "Aug29ToMar01");
        yield return Case("2027-08-31", "2028-02-29", true, "Aug31ClampsToLeapFeb29");
        yield return Case("2027-08-31", "2028-03-01", false, "Aug31ToMar01InLeapYear");
        yield return Case("2027-08-29", "2028-02-29", true, "Aug29ToLeapFeb29");
        yield return Case("2026-12-31", "2027-06-30", true, "Dec31ClampsToJun30");
        yield return Case("2026-12-31", "2027-07-01", false, "Dec31ToJul01");

        static TestCaseData Case(string issue, string due, bool allowed, string name) =>
            new TestCaseData(DateOnly.Parse(issue, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), allowed)
                .SetName($"IssueBill_DueDate{name}_{(allowed ? "Succeeds" : "InvalidArgument")}");
    }

    [TestCaseSource(nameof(DueDates))]
    [CancelAfter(10_000)]
    public async Task IssueBill_DueDateLimit_Outcome(DateOnly issueDate, DateOnly dueDate, bool allowed)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync(start: BillMarketHarness.At(issueDate));
        var request = Args.Issue("B1", Cast.SupplierA, Cast.BankA, 100, dueDate);

        // Act + Assert
        if (allowed)
        {
            var result = await market.SubmitAsync(Cast.CoreCorp, "IssueBill", request);
            Expect.Success(result);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(Read.Bill(result).IssueDate, Is.EqualTo(issueDate));
                Assert.That(Read.Bill(result).DueDate, Is.EqualTo(dueDate));
            }

            return;
        }

        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "IssueBill", [request], "INVALID_ARGUMENT");
    }

    public static IEnumerable<TestCaseData> BusinessDateBoundary()
    {
        var lastInstantOfMar1 = new DateTimeOffset(2026, 3, 1, 15, 59, 59, 999, TimeSpan.Zero);
        var firstInstantOfMar2 = new DateTimeOffset(2026, 3, 1, 16, 0, 0, 0, TimeSpan.Zero);
        yield return new TestCaseData(lastInstantOfMar1, new DateOnly(2026, 3, 1)).SetName("IssueBill_At1559Z_IssueDateIsThatDay");
        yield return new TestCaseData(firstInstantOfMar2, new DateOnly(2026, 3, 2)).SetName("IssueBill_At1600Z_IssueDateIsNextDay");
        yield return new TestCaseData(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8)), new DateOnly(2026, 3, 2)).SetName("IssueBill_AtMidnightUtcPlus8_IssueDateIsThatDay");
    }

    [TestCaseSource(nameof(BusinessDateBoundary))]
    [CancelAfter(10_000)]
    public async Task IssueBill_TimestampNearMidnightUtcPlus8_IssueDateIsTheUtcPlus8Date(DateTimeOffset timestamp, DateOnly issueDate)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync(start: timestamp.AddDays(-1));

        // Act
        var result = await market.SubmitAsync(Cast.CoreCorp, "IssueBill", [Args.Issue("B1", Cast.SupplierA, Cast.BankA, 100, Due)], null, timestamp);

        // Assert
        Expect.Success(result);
        Assert.That(Read.Bill(result).IssueDate, Is.EqualTo(issueDate));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBill_At1600ZDueSixMonthsAfterUtcPlus8Date_Succeeds()
    {
        // Arrange: at 2026-03-01T16:00Z the business date is 03-02, so 09-02 is within six months
        // (it would not be from the UTC date 03-01).
        var market = await BillMarketHarness.StartAsync(start: new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero));

        // Act
        var result = await market.SubmitAsync(Cast.CoreCorp, "IssueBill", Args.Issue("B1", Cast.SupplierA, Cast.BankA, 100, new DateOnly(2026, 9, 2)));

        // Assert
        Expect.Success(result);
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task IssueBill_At1600ZDueOnUtcPlus8Date_InvalidArgument()
    {
        // Arrange: at 2026-03-01T16:00Z the business date is already 03-02, so a 03-02 due date is not after it.
        var market = await BillMarketHarness.StartAsync(start: new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero));

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "IssueBill", [Args.Issue("B1", Cast.SupplierA, Cast.BankA, 100, new DateOnly(2026, 3, 2))], "INVALID_ARGUMENT");
    }
}
