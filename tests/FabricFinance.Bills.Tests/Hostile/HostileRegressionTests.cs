using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>
/// What the ten thousand hostile calls found, one row each: inputs that were accepted, or refused
/// without a code, before the fixes. Each must now be refused as <c>INVALID_ARGUMENT</c> and change nothing.
/// </summary>
[TestFixture]
public sealed class HostileRegressionTests
{
    private const string InvalidArgument = "INVALID_ARGUMENT";

    public static IEnumerable<TestCaseData> Submits()
    {
        // '$' in the id patterns matched before a final newline: "B9\n" passed as an id.
        yield return Row(Cast.CoreCorp, "IssueBill", [Args.Issue("B9\n", Cast.SupplierA, Cast.BankA, 100, BillMarketHarness.StandardDueDate)], "IdWithTrailingNewline");
        yield return Row(Cast.BankA, "AcceptBill", ["B2\n"], "BillIdWithTrailingNewline");
        yield return Row(Cast.BankA, "PayBill", ["B1", "PAID-1\n"], "PaymentRefWithTrailingNewline");
        yield return Row(Cast.Exchange, "RegisterParty", [Args.Json(new PartyRegistration("NewBank", PartyKind.Bank, "NewMSP\n", "New Bank"))], "MspIdWithTrailingNewline");

        // .NET's integer parser skips trailing NULs: "100\0" endorsed 100 fen.
        yield return Row(Cast.SupplierA, "EndorseBill", ["B1", Cast.SupplierB, "100\0"], "AmountWithTrailingNul");

        // System.Text.Json's enum converter took white space, other casings and comma lists.
        yield return Row(Cast.CoreCorp, "IssueBill", [Issue("\"bank \"")], "KindWithTrailingSpace");
        yield return Row(Cast.CoreCorp, "IssueBill", [Issue("\"bank,commercial\"")], "KindAsACommaList");
        yield return Row(Cast.Exchange, "RegisterParty", ["{\"id\":\"NewBank\",\"kind\":\"Bank\",\"mspId\":\"NewMSP\",\"name\":\"New Bank\"}"], "PartyKindCapitalized");

        // A function naming no contract was refused in the router's words, without a code.
        yield return Row(Cast.CoreCorp, "nosuch:IssueBill", [Args.Issue("B9", Cast.SupplierA, Cast.BankA, 100, BillMarketHarness.StandardDueDate)], "UnknownContract");
        yield return Row(Cast.CoreCorp, "org.hyperledger.fabric:IssueBill", [Args.Issue("B9", Cast.SupplierA, Cast.BankA, 100, BillMarketHarness.StandardDueDate)], "SystemContractTransaction");
        yield return Row(Cast.CoreCorp, ":IssueBill", [Args.Issue("B9", Cast.SupplierA, Cast.BankA, 100, BillMarketHarness.StandardDueDate)], "EmptyContractName");

        static TestCaseData Row(string actor, string function, string[] arguments, string name) =>
            new TestCaseData(actor, function, arguments).SetName($"Submit_{name}_InvalidArgumentAndUnchanged");
    }

    [TestCaseSource(nameof(Submits))]
    [CancelAfter(10_000)]
    public async Task Submit_HostileInputFoundByTheRun_InvalidArgumentAndUnchanged(string actor, string function, string[] arguments)
    {
        // Arrange
        var market = await HostileWorld.ArrangeAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, actor, function, arguments, InvalidArgument);
    }

    [TestCase("{\"status\":\"InDeal,Active\"}", TestName = "ListBills_StatusAsACommaList_InvalidArgument")]
    [TestCase("{\"status\":\"active\"}", TestName = "ListBills_StatusInOtherCase_InvalidArgument")]
    [TestCase("{\"holder\":\"SupplierA\\n\"}", TestName = "ListBills_HolderWithTrailingNewline_InvalidArgument")]
    [CancelAfter(10_000)]
    public async Task ListBills_HostileFilter_InvalidArgument(string filter)
    {
        // Arrange
        var market = await HostileWorld.ArrangeAsync();

        // Act
        var result = await market.EvaluateAsync(Cast.Regulator, "ListBills", filter, "10", string.Empty);

        // Assert
        Expect.Refused(result, InvalidArgument);
    }

    private static string Issue(string kind) =>
        "{\"id\":\"B9\",\"kind\":" + kind + ",\"payee\":\"SupplierA\",\"acceptor\":\"BankA\",\"amount\":100,\"dueDate\":\"2026-06-01\",\"transferable\":true}";
}
