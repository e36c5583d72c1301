using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, "Transactions" (each takes exactly the arguments listed; objects are one JSON argument
/// whose numbers are JSON integers and whose unknown fields are refused; a number passed as its own
/// argument is a decimal integer string) and "Errors" (INVALID_ARGUMENT covers malformed JSON, wrong
/// arity, unknown fields, wrong types, oversize strings, out-of-range numbers, bad dates). Each case
/// is called by the party that could otherwise do it, on a market where it could succeed.
/// </summary>
[TestFixture]
public sealed class ArgumentRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;
    private const string InvalidArgument = "INVALID_ARGUMENT";

    private static readonly string[] Queries = ["GetBill", "GetBillHistory", "ListBills", "GetParty", "ListParties", "GetDeal", "GetDealTerms"];

    public static IEnumerable<TestCaseData> Arities()
    {
        // function, caller, the fewest and the most arguments it takes, a valid list of the most.
        (string Function, string Actor, int Min, string[] Full)[] rows =
        [
            ("InitLedger", Cast.ExchangeAdmin, 1, [Args.Json(Cast.Config)]),
            ("RegisterParty", Cast.Exchange, 1, [Args.Json(new PartyRegistration("NewCo", PartyKind.Bank, "NewMSP", "New"))]),
            ("SetPartyStatus", Cast.Exchange, 2, [Cast.SupplierC, "suspended"]),
            ("IssueBill", Cast.CoreCorp, 1, [Args.Issue("B9", Cast.SupplierA, Cast.BankA, 100, BillMarketHarness.StandardDueDate)]),
            ("AcceptBill", Cast.BankA, 1, ["B2"]),
            ("RejectAcceptance", Cast.BankA, 2, ["B2", "no"]),
            ("CancelBill", Cast.CoreCorp, 1, ["B2"]),
            ("EndorseBill", Cast.SupplierA, 2, ["B3", Cast.SupplierB, "100"]),
            ("RequestDiscount", Cast.SupplierA, 1, [Args.Deal("D9", "B3", Cast.BankC)]),
            ("RequestRediscount", Cast.SupplierA, 1, [Args.Deal("D9", "B3", Cast.BankC)]),
            ("AcceptDeal", Cast.BankC, 1, [Scenarios.DealId]),
            ("RejectDeal", Cast.BankC, 2, [Scenarios.DealId, "no"]),
            ("CancelDeal", Cast.SupplierA, 2, [Scenarios.DealId, "no"]),
            ("SettleDeal", Cast.Exchange, 1, [Scenarios.DealId]),
            ("ExpireDeal", Cast.SupplierC, 1, [Scenarios.DealId]),
            ("PresentForPayment", Cast.SupplierA, 1, ["B3"]),
            ("PayBill", Cast.BankA, 2, ["B3", "PAID-1"]),
            ("DishonorBill", Cast.BankA, 2, ["B3", "no funds"]),
            ("FreezeBill", Cast.Exchange, 2, ["B3", "court order"]),
            ("UnfreezeBill", Cast.Exchange, 2, ["B3", "lifted"]),
            ("GetBill", Cast.Stranger, 1, [B1]),
            ("GetBillHistory", Cast.Stranger, 1, [B1]),
            ("ListBills", Cast.Stranger, 3, ["{}", "10", string.Empty]),
            ("GetParty", Cast.Stranger, 1, [Cast.BankA]),
            ("ListParties", Cast.Stranger, 0, []),
            ("GetDeal", Cast.Stranger, 1, [Scenarios.DealId]),
            ("GetDealTerms", Cast.Regulator, 1, [Scenarios.DealId]),
        ];
        foreach (var (function, actor, min, full) in rows)
        {
            if (min > 0)
            {
                yield return new TestCaseData(function, actor, full[..(min - 1)]).SetName($"{function}_{min - 1}Arguments_InvalidArgument");
            }

            yield return new TestCaseData(function, actor, (string[])[.. full, "extra"]).SetName($"{function}_{full.Length + 1}Arguments_InvalidArgument");
        }
    }

    [TestCaseSource(nameof(Arities))]
    [CancelAfter(10_000)]
    public async Task Transaction_WrongArity_InvalidArgument(string function, string actor, string[] arguments)
    {
        // Arrange: B1 with deal D1 requested and accepted, B2 pending, B3 active; the terms are valid.
        var market = await ArrangeAsync(function == "InitLedger" ? MarketSetup.Deployed : MarketSetup.Cast);
        var transient = function switch
        {
            "RequestDiscount" or "RequestRediscount" => Args.Terms(300),
            "SettleDeal" => Args.Settlement("PAY-1"),
            _ => null,
        };

        // Act + Assert
        if (Queries.Contains(function))
        {
            Expect.Refused(await market.EvaluateAsync(actor, function, arguments), InvalidArgument);
            return;
        }

        await Expect.RefusedUnchangedAsync(market, actor, function, arguments, InvalidArgument, transient);
    }

    public static IEnumerable<TestCaseData> IssueRequests()
    {
        const string valid = "\"id\":\"B9\",\"kind\":\"bank\",\"payee\":\"SupplierA\",\"acceptor\":\"BankA\",\"amount\":1000,\"dueDate\":\"2026-06-01\",\"transferable\":true";
        yield return Case("Valid", "{" + valid + "}", null);
        yield return Case("Empty", string.Empty, InvalidArgument);
        yield return Case("Truncated", "{" + valid, InvalidArgument);
        yield return Case("Array", "[" + valid.Replace(":", ",", StringComparison.Ordinal) + "]", InvalidArgument);
        yield return Case("Null", "null", InvalidArgument);
        yield return Case("String", "\"B9\"", InvalidArgument);
        yield return Case("Number", "42", InvalidArgument);
        yield return Case("UnknownField", "{" + valid + ",\"color\":\"red\"}", InvalidArgument);
        yield return Case("UnknownFieldHolder", "{" + valid + ",\"holder\":\"SupplierB\"}", InvalidArgument);
        foreach (var field in new[] { "id", "kind", "payee", "acceptor", "amount", "dueDate", "transferable" })
        {
            yield return Case("Missing_" + field, "{" + Without(valid, field) + "}", InvalidArgument);
        }

        yield return Case("IdNumber", "{" + Replace(valid, "id", "42") + "}", InvalidArgument);
        yield return Case("IdEmpty", "{" + Replace(valid, "id", "\"\"") + "}", InvalidArgument);
        yield return Case("Id65Characters", "{" + Replace(valid, "id", "\"" + new string('X', 65) + "\"") + "}", InvalidArgument);
        yield return Case("Id64Characters", "{" + Replace(valid, "id", "\"" + new string('X', 64) + "\"") + "}", null);
        yield return Case("IdWithSpace", "{" + Replace(valid, "id", "\"B 9\"") + "}", InvalidArgument);
        yield return Case("IdWithDot", "{" + Replace(valid, "id", "\"B.9\"") + "}", InvalidArgument);
        yield return Case("IdWithColon", "{" + Replace(valid, "id", "\"B:9\"") + "}", InvalidArgument);
        yield return Case("IdNonAscii", "{" + Replace(valid, "id", "\"票据9\"") + "}", InvalidArgument);
        yield return Case("IdWithUnderscoreAndDash", "{" + Replace(valid, "id", "\"B_9-a\"") + "}", null);
        yield return Case("KindUnknown", "{" + Replace(valid, "kind", "\"savings\"") + "}", InvalidArgument);
        yield return Case("KindNumber", "{" + Replace(valid, "kind", "0") + "}", InvalidArgument);
        yield return Case("KindNull", "{" + Replace(valid, "kind", "null") + "}", InvalidArgument);
        yield return Case("PayeeNull", "{" + Replace(valid, "payee", "null") + "}", InvalidArgument);
        yield return Case("PayeeMalformedId", "{" + Replace(valid, "payee", "\"Supplier A\"") + "}", InvalidArgument);
        yield return Case("AmountString", "{" + Replace(valid, "amount", "\"1000\"") + "}", InvalidArgument);
        yield return Case("AmountFraction", "{" + Replace(valid, "amount", "1000.5") + "}", InvalidArgument);
        yield return Case("AmountDecimalPoint", "{" + Replace(valid, "amount", "1000.0") + "}", InvalidArgument);
        yield return Case("AmountExponent", "{" + Replace(valid, "amount", "1e3") + "}", InvalidArgument);
        yield return Case("AmountBeyond64Bits", "{" + Replace(valid, "amount", "99999999999999999999") + "}", InvalidArgument);
        yield return Case("AmountNull", "{" + Replace(valid, "amount", "null") + "}", InvalidArgument);
        yield return Case("DueDateSlashes", "{" + Replace(valid, "dueDate", "\"2026/06/01\"") + "}", InvalidArgument);
        yield return Case("DueDateUnpadded", "{" + Replace(valid, "dueDate", "\"2026-6-1\"") + "}", InvalidArgument);
        yield return Case("DueDateFeb30", "{" + Replace(valid, "dueDate", "\"2026-02-30\"") + "}", InvalidArgument);
        yield return Case("DueDateMonth13", "{" + Replace(valid, "dueDate", "\"2026-13-01\"") + "}", InvalidArgument);
        yield return Case("DueDateWithTime", "{" + Replace(valid, "dueDate", "\"2026-06-01T00:00:00\"") + "}", InvalidArgument);
        yield return Case("DueDateNumber", "{" + Replace(valid, "dueDate", "20260601") + "}", InvalidArgument);
        yield return Case("DueDateEmpty", "{" + Replace(valid, "dueDate", "\"\"") + "}", InvalidArgument);
        yield return Case("TransferableString", "{" + Replace(valid, "transferable", "\"true\"") + "}", InvalidArgument);
        yield return Case("TransferableNumber", "{" + Replace(valid, "transferable", "1") + "}", InvalidArgument);
        yield return Case("TransferableNull", "{" + Replace(valid, "transferable", "null") + "}", InvalidArgument);

        static TestCaseData Case(string name, string json, string? code) =>
            new TestCaseData(json, code).SetName($"IssueBill_Json{name}_{code ?? "Succeeds"}");
    }

    [TestCaseSource(nameof(IssueRequests))]
    [CancelAfter(10_000)]
    public async Task IssueBill_RequestJson_Outcome(string json, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act + Assert
        if (expectedCode is null)
        {
            Expect.Success(await market.SubmitAsync(Cast.CoreCorp, "IssueBill", json));
            return;
        }

        await Expect.RefusedUnchangedAsync(market, Cast.CoreCorp, "IssueBill", [json], expectedCode);
    }

    public static IEnumerable<TestCaseData> DealRequests()
    {
        yield return Case("AmountOmitted", "{\"dealId\":\"D9\",\"billId\":\"B3\",\"buyer\":\"BankC\"}", null);
        yield return Case("AmountNull", "{\"dealId\":\"D9\",\"billId\":\"B3\",\"buyer\":\"BankC\",\"amount\":null}", null);
        yield return Case("AmountPartial", "{\"dealId\":\"D9\",\"billId\":\"B3\",\"buyer\":\"BankC\",\"amount\":500}", null);
        yield return Case("UnknownField", "{\"dealId\":\"D9\",\"billId\":\"B3\",\"buyer\":\"BankC\",\"rateBps\":300}", InvalidArgument);
        yield return Case("MissingDealId", "{\"billId\":\"B3\",\"buyer\":\"BankC\"}", InvalidArgument);
        yield return Case("MissingBillId", "{\"dealId\":\"D9\",\"buyer\":\"BankC\"}", InvalidArgument);
        yield return Case("MissingBuyer", "{\"dealId\":\"D9\",\"billId\":\"B3\"}", InvalidArgument);
        yield return Case("DealId65Characters", "{\"dealId\":\"" + new string('D', 65) + "\",\"billId\":\"B3\",\"buyer\":\"BankC\"}", InvalidArgument);
        yield return Case("DealIdWithDot", "{\"dealId\":\"D.9\",\"billId\":\"B3\",\"buyer\":\"BankC\"}", InvalidArgument);
        yield return Case("AmountString", "{\"dealId\":\"D9\",\"billId\":\"B3\",\"buyer\":\"BankC\",\"amount\":\"500\"}", InvalidArgument);
        yield return Case("AmountFraction", "{\"dealId\":\"D9\",\"billId\":\"B3\",\"buyer\":\"BankC\",\"amount\":500.5}", InvalidArgument);
        yield return Case("AmountZero", "{\"dealId\":\"D9\",\"billId\":\"B3\",\"buyer\":\"BankC\",\"amount\":0}", InvalidArgument);
        yield return Case("AmountNegative", "{\"dealId\":\"D9\",\"billId\":\"B3\",\"buyer\":\"BankC\",\"amount\":-1}", InvalidArgument);
        yield return Case("Malformed", "{\"dealId\":\"D9\",\"billId\":\"B3\"", InvalidArgument);

        static TestCaseData Case(string name, string json, string? code) =>
            new TestCaseData(json, code).SetName($"RequestDiscount_Json{name}_{code ?? "Succeeds"}");
    }

    [TestCaseSource(nameof(DealRequests))]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_RequestJson_Outcome(string json, string? expectedCode)
    {
        // Arrange
        var market = await ArrangeAsync();

        // Act + Assert
        if (expectedCode is null)
        {
            Expect.Success(await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [json], Args.Terms(300)));
            return;
        }

        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [json], expectedCode, Args.Terms(300));
    }

    public static IEnumerable<TestCaseData> Registrations()
    {
        yield return Case("Valid", "{\"id\":\"NewBank\",\"kind\":\"bank\",\"mspId\":\"NewBankMSP\",\"name\":\"New Bank\"}", null);
        yield return Case("Name200Characters", "{\"id\":\"NewBank\",\"kind\":\"bank\",\"mspId\":\"NewBankMSP\",\"name\":\"" + new string('n', 200) + "\"}", null);
        yield return Case("Name201Characters", "{\"id\":\"NewBank\",\"kind\":\"bank\",\"mspId\":\"NewBankMSP\",\"name\":\"" + new string('n', 201) + "\"}", InvalidArgument);
        yield return Case("KindUnknown", "{\"id\":\"NewBank\",\"kind\":\"martian\",\"mspId\":\"NewBankMSP\",\"name\":\"New Bank\"}", InvalidArgument);
        yield return Case("IdMalformed", "{\"id\":\"New Bank\",\"kind\":\"bank\",\"mspId\":\"NewBankMSP\",\"name\":\"New Bank\"}", InvalidArgument);
        yield return Case("Id65Characters", "{\"id\":\"" + new string('b', 65) + "\",\"kind\":\"bank\",\"mspId\":\"NewBankMSP\",\"name\":\"New Bank\"}", InvalidArgument);
        yield return Case("MspIdEmpty", "{\"id\":\"NewBank\",\"kind\":\"bank\",\"mspId\":\"\",\"name\":\"New Bank\"}", InvalidArgument);
        yield return Case("MissingName", "{\"id\":\"NewBank\",\"kind\":\"bank\",\"mspId\":\"NewBankMSP\"}", InvalidArgument);
        yield return Case("MissingMspId", "{\"id\":\"NewBank\",\"kind\":\"bank\",\"name\":\"New Bank\"}", InvalidArgument);
        yield return Case("UnknownField", "{\"id\":\"NewBank\",\"kind\":\"bank\",\"mspId\":\"NewBankMSP\",\"name\":\"New Bank\",\"status\":\"active\"}", InvalidArgument);
        yield return Case("SubjectNumber", "{\"id\":\"NewBank\",\"kind\":\"bank\",\"mspId\":\"NewBankMSP\",\"name\":\"New Bank\",\"subject\":7}", InvalidArgument);

        static TestCaseData Case(string name, string json, string? code) =>
            new TestCaseData(json, code).SetName($"RegisterParty_Json{name}_{code ?? "Succeeds"}");
    }

    [TestCaseSource(nameof(Registrations))]
    [CancelAfter(10_000)]
    public async Task RegisterParty_RegistrationJson_Outcome(string json, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();

        // Act + Assert
        if (expectedCode is null)
        {
            Expect.Success(await market.SubmitAsync(Cast.Exchange, "RegisterParty", json));
            return;
        }

        await Expect.RefusedUnchangedAsync(market, Cast.Exchange, "RegisterParty", [json], expectedCode);
    }

    public static IEnumerable<TestCaseData> Configs()
    {
        yield return Case("UnknownField", "{\"exchangeMspId\":\"ExchangeMSP\",\"exchange\":{\"id\":\"Exchange\",\"name\":\"X\"},\"regulatorMspId\":\"RegulatorMSP\",\"regulator\":{\"id\":\"Regulator\",\"name\":\"R\"},\"extra\":1}");
        yield return Case("UnknownNestedField", "{\"exchangeMspId\":\"ExchangeMSP\",\"exchange\":{\"id\":\"Exchange\",\"name\":\"X\",\"kind\":\"bank\"},\"regulatorMspId\":\"RegulatorMSP\",\"regulator\":{\"id\":\"Regulator\",\"name\":\"R\"}}");
        yield return Case("MissingRegulator", "{\"exchangeMspId\":\"ExchangeMSP\",\"exchange\":{\"id\":\"Exchange\",\"name\":\"X\"},\"regulatorMspId\":\"RegulatorMSP\"}");
        yield return Case("MalformedExchangeId", "{\"exchangeMspId\":\"ExchangeMSP\",\"exchange\":{\"id\":\"The Exchange\",\"name\":\"X\"},\"regulatorMspId\":\"RegulatorMSP\",\"regulator\":{\"id\":\"Regulator\",\"name\":\"R\"}}");
        yield return Case("Malformed", "{\"exchangeMspId\":\"ExchangeMSP\"");

        static TestCaseData Case(string name, string json) => new TestCaseData(json).SetName($"InitLedger_Json{name}_InvalidArgument");
    }

    [TestCaseSource(nameof(Configs))]
    [CancelAfter(10_000)]
    public async Task InitLedger_ConfigJson_InvalidArgument(string json)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync(MarketSetup.Deployed);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.ExchangeAdmin, "InitLedger", [json], InvalidArgument);
    }

    public static IEnumerable<TestCaseData> NumberArguments()
    {
        foreach (var (name, text) in new[]
        {
            ("Letters", "abc"), ("Fraction", "1.5"), ("DecimalPoint", "100.0"), ("Exponent", "1e3"), ("Empty", string.Empty),
            ("LeadingSpace", " 100"), ("TrailingSpace", "100 "), ("Hex", "0x10"), ("Beyond64Bits", "99999999999999999999"), ("JsonString", "\"100\""),
        })
        {
            yield return new TestCaseData(text).SetName($"EndorseBill_Amount{name}_InvalidArgument");
        }
    }

    [TestCaseSource(nameof(NumberArguments))]
    [CancelAfter(10_000)]
    public async Task EndorseBill_AmountNotADecimalInteger_InvalidArgument(string amount)
    {
        // Arrange
        var market = await ArrangeAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", ["B3", Cast.SupplierB, amount], InvalidArgument);
    }

    public static IEnumerable<TestCaseData> StringArguments()
    {
        var huge = new string('r', 100_000);
        yield return Case("AcceptBillEmptyId", Cast.BankA, "AcceptBill", [string.Empty]);
        yield return Case("AcceptBillId65Characters", Cast.BankA, "AcceptBill", [new string('X', 65)]);
        yield return Case("AcceptBillIdWithSlash", Cast.BankA, "AcceptBill", ["B2/x"]);
        yield return Case("AcceptBillIdWithBadSuffix", Cast.BankA, "AcceptBill", ["B2.3"]);
        yield return Case("RejectAcceptanceHugeReason", Cast.BankA, "RejectAcceptance", ["B2", huge]);
        yield return Case("CancelDealHugeReason", Cast.SupplierA, "CancelDeal", [Scenarios.DealId, huge]);
        yield return Case("RejectDealHugeReason", Cast.BankC, "RejectDeal", [Scenarios.DealId, huge]);
        yield return Case("FreezeBillHugeReason", Cast.Exchange, "FreezeBill", ["B3", huge]);
        yield return Case("PayBillEmptyPaymentRef", Cast.BankA, "PayBill", ["B3", string.Empty]);
        yield return Case("PayBillHugePaymentRef", Cast.BankA, "PayBill", ["B3", huge]);
        yield return Case("EndorseBillMalformedEndorsee", Cast.SupplierA, "EndorseBill", ["B3", "Supplier B"]);
        yield return Case("EndorseBillEmptyEndorsee", Cast.SupplierA, "EndorseBill", ["B3", string.Empty]);
        yield return Case("AcceptDealEmptyId", Cast.BankC, "AcceptDeal", [string.Empty]);
        yield return Case("AcceptDealId65Characters", Cast.BankC, "AcceptDeal", [new string('D', 65)]);
        yield return Case("SetPartyStatusCapitalized", Cast.Exchange, "SetPartyStatus", [Cast.SupplierC, "Suspended!"]);

        static TestCaseData Case(string name, string actor, string function, string[] arguments) =>
            new TestCaseData(actor, function, arguments).SetName($"{name}_InvalidArgument");
    }

    [TestCaseSource(nameof(StringArguments))]
    [CancelAfter(10_000)]
    public async Task Transaction_BadStringArgument_InvalidArgument(string actor, string function, string[] arguments)
    {
        // Arrange
        var market = await ArrangeAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, actor, function, arguments, InvalidArgument);
    }

    public static IEnumerable<TestCaseData> BadQueries()
    {
        yield return Case("GetBillEmptyId", "GetBill", [string.Empty]);
        yield return Case("GetBillId65Characters", "GetBill", [new string('X', 65)]);
        yield return Case("GetBillHistoryMalformedId", "GetBillHistory", ["B 1"]);
        yield return Case("GetPartyMalformedId", "GetParty", ["bad id!"]);
        yield return Case("GetDealEmptyId", "GetDeal", [string.Empty]);
        yield return Case("GetDealTermsMalformedId", "GetDealTerms", ["D 1"]);
        yield return Case("ListBillsMalformedFilter", "ListBills", ["{", "10", string.Empty]);
        yield return Case("ListBillsFilterUnknownField", "ListBills", ["{\"drawer\":\"CoreCorp\"}", "10", string.Empty]);
        yield return Case("ListBillsFilterUnknownStatus", "ListBills", ["{\"status\":\"Bogus\"}", "10", string.Empty]);
        yield return Case("ListBillsFilterBadDate", "ListBills", ["{\"dueFrom\":\"2026-13-01\"}", "10", string.Empty]);
        yield return Case("ListBillsFilterHolderNumber", "ListBills", ["{\"holder\":42}", "10", string.Empty]);
        foreach (var size in new[] { "0", "1001", "-1", "abc", "1.0", string.Empty, " 5", "99999999999" })
        {
            yield return Case($"ListBillsPageSize[{size}]", "ListBills", ["{}", size, string.Empty]);
        }

        static TestCaseData Case(string name, string function, string[] arguments) =>
            new TestCaseData(function, arguments).SetName($"{name}_InvalidArgument");
    }

    [TestCaseSource(nameof(BadQueries))]
    [CancelAfter(10_000)]
    public async Task Query_BadArgument_InvalidArgument(string function, string[] arguments)
    {
        // Arrange
        var market = await ArrangeAsync();

        // Act
        var result = await market.EvaluateAsync(Cast.Regulator, function, arguments);

        // Assert
        Expect.Refused(result, InvalidArgument);
    }

    public static IEnumerable<TestCaseData> PageSizes()
    {
        yield return new TestCaseData("1").SetName("ListBills_PageSize1_Succeeds");
        yield return new TestCaseData("1000").SetName("ListBills_PageSize1000_Succeeds");
    }

    [TestCaseSource(nameof(PageSizes))]
    [CancelAfter(10_000)]
    public async Task ListBills_PageSizeAtTheLimits_Succeeds(string pageSize)
    {
        // Arrange
        var market = await ArrangeAsync();

        // Act
        var result = await market.EvaluateAsync(Cast.Regulator, "ListBills", "{}", pageSize, string.Empty);

        // Assert
        Expect.Success(result);
        Assert.That(Read.Page(result).Bills, Has.Count.EqualTo(pageSize == "1" ? 1 : 3));
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_AmountAsDecimalIntegerString_Succeeds()
    {
        // Arrange
        var market = await ArrangeAsync();

        // Act
        var result = await market.SubmitAsync(Cast.SupplierA, "EndorseBill", "B3", Cast.SupplierB, "250");

        // Assert
        Expect.Success(result);
        Assert.That(Read.Bill(result).Amount, Is.EqualTo(250));
    }

    /// <summary>B1 with deal D1 requested and accepted (BankC), B2 pending, B3 active and held by SupplierA.</summary>
    private static async Task<BillMarketHarness> ArrangeAsync(MarketSetup setup = MarketSetup.Cast)
    {
        var market = await BillMarketHarness.StartAsync(setup);
        if (setup != MarketSetup.Cast)
        {
            return market;
        }

        await Scenarios.ArrangeDealAsync(market, DealState.Accepted);
        market.SetToday(new DateOnly(2026, 3, 6));
        await market.IssueStandardAsync("B2");
        await market.IssueAcceptedAsync("B3");
        return market;
    }

    private static string Without(string fields, string name) =>
        string.Join(",", fields.Split(',').Where(f => !f.StartsWith("\"" + name + "\":", StringComparison.Ordinal)));

    private static string Replace(string fields, string name, string value) =>
        string.Join(",", fields.Split(',').Select(f => f.StartsWith("\"" + name + "\":", StringComparison.Ordinal) ? "\"" + name + "\":" + value : f));
}
