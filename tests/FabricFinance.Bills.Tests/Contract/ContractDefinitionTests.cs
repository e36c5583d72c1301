using System.Text.Json.Nodes;
using FabricFinance.Bills.Contract;
using FabricFinance.Bills.Tests.Contract.Infrastructure;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Contract;

/// <summary>The contract's shape: every rulebook transaction routes, with the right tag and argument schemas.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class ContractDefinitionTests
{
    private static readonly string[] Submits =
    [
        "InitLedger", "RegisterParty", "SetPartyStatus", "IssueBill", "AcceptBill", "RejectAcceptance", "CancelBill", "EndorseBill",
        "RequestDiscount", "RequestRediscount", "AcceptDeal", "RejectDeal", "CancelDeal", "SettleDeal", "ExpireDeal",
        "PresentForPayment", "PayBill", "DishonorBill", "FreezeBill", "UnfreezeBill",
    ];

    private static readonly string[] Queries = ["GetBill", "GetBillHistory", "ListBills", "GetParty", "ListParties", "GetDeal", "GetDealTerms"];

    [Test]
    public async Task GetMetadata_EveryRulebookTransaction_IsDescribedWithItsTag()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var bills = ledger.Deploy("bills", ContractRouter.Create([new BillContract()]));

        // Act
        var result = await bills.EvaluateAsync(TestIdentity.Create("AnyMSP"), "org.hyperledger.fabric:GetMetadata", []);

        // Assert
        var contract = JsonNode.Parse(result.PayloadText)!["contracts"]!["bills"]!;
        var tags = contract["transactions"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (string)t!["tag"]![0]!);
        Assert.That(tags.Keys, Is.EquivalentTo(Submits.Concat(Queries)));
        Assert.That(Submits.Select(s => tags[s]), Is.All.EqualTo("SUBMIT"));
        Assert.That(Queries.Select(q => tags[q]), Is.All.EqualTo("EVALUATE"));
        Assert.That((bool)contract["default"]!, Is.True);
    }

    [Test]
    public async Task GetMetadata_EnumArguments_UseTheirJsonNames()
    {
        // Arrange
        var ledger = new InMemoryLedger();
        var bills = ledger.Deploy("bills", ContractRouter.Create([new BillContract()]));

        // Act
        var metadata = JsonNode.Parse((await bills.EvaluateAsync(TestIdentity.Create("AnyMSP"), "org.hyperledger.fabric:GetMetadata", [])).PayloadText)!;

        // Assert
        var setStatus = metadata["contracts"]!["bills"]!["transactions"]!.AsArray().Single(t => (string)t!["name"]! == "SetPartyStatus")!;
        Assert.That(setStatus["parameters"]![1]!["schema"]!.ToJsonString(), Is.EqualTo("""{"type":"string","enum":["active","suspended"]}"""));
        Assert.That(metadata["components"]!["schemas"]!["IssueBillRequest"]!["properties"]!["kind"]!.ToJsonString(), Is.EqualTo("""{"type":"string","enum":["bank","commercial"]}"""));
    }

    [TestCase("IssueBill")]
    [TestCase("bills:IssueBill")]
    public async Task Invoke_BareAndQualifiedNames_RouteToTheContract(string function)
    {
        // Arrange
        var market = await ContractMarket.StartAsync(cast: false);

        // Act: a malformed argument proves the transaction was reached.
        var result = await market.SubmitAsync(ContractMarket.Supplier, function, "{");

        // Assert
        Assert.That(result.Message, Does.StartWith("INVALID_ARGUMENT: argument 'request' of IssueBill"));
    }

    [Test]
    public async Task Invoke_UnknownTransaction_IsInvalidArgument()
    {
        // Arrange
        var market = await ContractMarket.StartAsync(cast: false);

        // Act
        var result = await market.SubmitAsync(ContractMarket.Supplier, "StealBill", "B1");

        // Assert
        Assert.That(result.Message, Is.EqualTo("INVALID_ARGUMENT: contract bills has no transaction named 'StealBill'."));
    }

    [Test]
    public async Task Invoke_WrongArity_IsInvalidArgumentNamingTheParameters()
    {
        // Arrange
        var market = await ContractMarket.StartAsync(cast: false);

        // Act
        var result = await market.SubmitAsync(ContractMarket.Supplier, "EndorseBill", "B1");

        // Assert
        Assert.That(result.Message, Is.EqualTo("INVALID_ARGUMENT: EndorseBill takes 2 to 3 argument(s) (billId, toParty, amount), got 1."));
    }

    [Test]
    public async Task SetPartyStatus_JsonStatusName_Binds()
    {
        // Arrange
        var market = await ContractMarket.StartAsync();

        // Act
        var suspended = await market.SubmitAsync(ContractMarket.Exchange, "SetPartyStatus", "Supplier2", "suspended");
        var wrongCase = await market.SubmitAsync(ContractMarket.Exchange, "SetPartyStatus", "Supplier2", "Active");

        // Assert
        Assert.That(ContractMarket.Read<Party>(suspended).Status, Is.EqualTo(PartyStatus.Suspended));
        Assert.That(wrongCase.Message, Is.EqualTo("INVALID_ARGUMENT: argument 'status' of SetPartyStatus: 'Active' is not one of active, suspended."));
    }
}
