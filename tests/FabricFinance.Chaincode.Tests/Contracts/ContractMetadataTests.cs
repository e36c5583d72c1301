using System.Text.Json;
using System.Text.Json.Nodes;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

namespace FabricFinance.Chaincode.Tests.Contracts;

/// <summary>The answer of <c>org.hyperledger.fabric:GetMetadata</c>, read as JSON.</summary>
[TestFixture]
[CancelAfter(10_000)]
public sealed class ContractMetadataTests
{
    private static JsonNode Metadata(ContractRouter router) => JsonNode.Parse(router.Metadata.Span)!;

    private static JsonNode Transaction(JsonNode metadata, string contract, string name) =>
        metadata["contracts"]![contract]!["transactions"]!.AsArray().Single(t => (string?)t!["name"] == name)!;

    [Test]
    public void Metadata_Root_HasSchemaInfoContractsAndComponents()
    {
        // Arrange
        var router = ContractRouter.Create([new BillsContract(), new AuditContract()], new ContractRouterOptions { Title = "bills-cc", Version = "1.2.3", Description = "Bills." });

        // Act
        var metadata = Metadata(router);

        // Assert
        Assert.That(metadata.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "$schema", "info", "contracts", "components" }));
        Assert.That((string?)metadata["$schema"], Is.EqualTo("https://hyperledger.github.io/fabric-chaincode-node/main/api/contract-schema.json"));
        Assert.That(metadata["info"]!.ToJsonString(), Is.EqualTo("""{"title":"bills-cc","version":"1.2.3","description":"Bills."}"""));
        Assert.That(metadata["contracts"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "audit", "bills", "org.hyperledger.fabric" }));
        Assert.That(metadata["components"]!["schemas"], Is.Not.Null);
    }

    [Test]
    public void Metadata_Contract_HasNameInfoTransactionsAndDefaultFlag()
    {
        // Arrange
        var router = ContractRouter.Create([new BillsContract(), new AuditContract()]);

        // Act
        var contracts = Metadata(router)["contracts"]!;

        // Assert
        var bills = contracts["bills"]!;
        Assert.That((string?)bills["name"], Is.EqualTo("bills"));
        Assert.That(bills["info"]!.ToJsonString(), Is.EqualTo("""{"title":"bills","version":"latest"}"""));
        Assert.That((bool?)bills["default"], Is.True);
        Assert.That((bool?)contracts["audit"]!["default"], Is.False);
        Assert.That(bills["transactions"]!.AsArray().Select(t => (string?)t!["name"]), Is.EqualTo(new[] { "GetBill", "IssueBill" }));
        var system = contracts["org.hyperledger.fabric"]!;
        Assert.That(system["transactions"]!.ToJsonString(), Is.EqualTo("""[{"name":"GetMetadata","tag":["EVALUATE"],"parameters":[],"returns":{"type":"string"}}]"""));
    }

    [Test]
    public void Metadata_EvaluateAndSubmit_AreTagged()
    {
        // Arrange
        var router = ContractRouter.Create([new BillsContract()]);

        // Act
        var metadata = Metadata(router);

        // Assert
        Assert.That(Transaction(metadata, "bills", "IssueBill")["tag"]!.ToJsonString(), Is.EqualTo("""["SUBMIT"]"""));
        Assert.That(Transaction(metadata, "bills", "GetBill")["tag"]!.ToJsonString(), Is.EqualTo("""["EVALUATE"]"""));
    }

    [Test]
    public void Metadata_Parameters_HaveNamesSchemasAndRequiredFlags()
    {
        // Arrange
        var router = ContractRouter.Create([new TypesContract()]);

        // Act
        var metadata = Metadata(router);

        // Assert
        Assert.That(Transaction(metadata, "types", "Optional")["parameters"]!.ToJsonString(), Is.EqualTo(
            """[{"name":"first","required":true,"schema":{"type":"string"}},"""
            + """{"name":"second","required":false,"schema":{"type":"integer","format":"int64","minimum":-9223372036854775808,"maximum":9223372036854775807}},"""
            + """{"name":"third","required":false,"schema":{"type":"integer","format":"int32","minimum":-2147483648,"maximum":2147483647}},"""
            + """{"name":"fourth","required":false,"schema":{"type":"string","enum":["Red","Green","Blue"]}}]"""));
        Assert.That(Transaction(metadata, "types", "Mixed")["parameters"]!.AsArray().Select(p => (string?)p!["name"]), Is.EqualTo(new[] { "a", "b" }),
            "context, stub and cancellation token are not arguments");
    }

    [TestCase("Echo", """{"type":"string"}""")]
    [TestCase("Bool", """{"type":"boolean"}""")]
    [TestCase("NamedEnum", """{"type":"string","enum":["small","extra-large","Medium"]}""")]
    [TestCase("Byte", """{"type":"integer","minimum":0,"maximum":255}""")]
    [TestCase("ULong", """{"type":"integer","minimum":0,"maximum":18446744073709551615}""")]
    [TestCase("Bytes", """{"type":"string","format":"binary"}""")]
    [TestCase("Date", """{"type":"string","format":"date"}""")]
    [TestCase("Guid", """{"type":"string","format":"uuid"}""")]
    [TestCase("List", """{"type":"array","items":{"type":"integer","format":"int64","minimum":-9223372036854775808,"maximum":9223372036854775807}}""")]
    [TestCase("Map", """{"type":"object","additionalProperties":{"type":"integer","format":"int32","minimum":-2147483648,"maximum":2147483647}}""")]
    [TestCase("Record", """{"$ref":"#/components/schemas/Order"}""")]
    public void Metadata_Returns_DescribesTheResultType(string transaction, string expected)
    {
        // Arrange
        var router = ContractRouter.Create([new TypesContract()]);

        // Act
        var returns = Transaction(Metadata(router), "types", transaction)["returns"];

        // Assert
        Assert.That(returns!.ToJsonString(), Is.EqualTo(expected));
    }

    [TestCase("Nothing")]
    [TestCase("NothingAsync")]
    [TestCase("Raw")]
    public void Metadata_NoDescribableResult_HasNoReturns(string transaction)
    {
        // Arrange
        var router = ContractRouter.Create([new ResultsContract()]);

        // Act
        var node = Transaction(Metadata(router), "results", transaction);

        // Assert
        Assert.That(node.AsObject().ContainsKey("returns"), Is.False);
    }

    [Test]
    public void Metadata_RecordTypes_AreComponentSchemasWithOrderedPropertiesAndRequiredList()
    {
        // Arrange
        var router = ContractRouter.Create([new TypesContract()]);

        // Act
        var schemas = Metadata(router)["components"]!["schemas"]!;

        // Assert
        Assert.That(schemas.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "Order", "OrderLine" }));
        var order = schemas["Order"]!;
        Assert.That((string?)order["$id"], Is.EqualTo("Order"));
        Assert.That((string?)order["type"], Is.EqualTo("object"));
        Assert.That((bool?)order["additionalProperties"], Is.False);
        Assert.That(order["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "amount", "color", "lines", "note", "zone" }));
        Assert.That(order["required"]!.ToJsonString(), Is.EqualTo("""["amount","color","lines","zone"]"""));
        Assert.That(order["properties"]!["lines"]!.ToJsonString(), Is.EqualTo("""{"type":"array","items":{"$ref":"#/components/schemas/OrderLine"}}"""));
        Assert.That(order["properties"]!["color"]!.ToJsonString(), Is.EqualTo("""{"type":"string","enum":["Red","Green","Blue"]}"""));
    }

    [Test]
    public void Metadata_DefaultInfo_ComesFromTheContractsAssembly()
    {
        // Arrange
        var router = ContractRouter.Create([new AuditContract()]);

        // Act
        var info = Metadata(router)["info"]!;

        // Assert
        Assert.That((string?)info["title"], Is.EqualTo("FabricFinance.Chaincode.Tests"));
        Assert.That((string?)info["version"], Is.Not.Empty);
    }

    [Test]
    public void Metadata_BuiltTwice_IsTheSameBytes()
    {
        // Act
        var first = ContractRouter.Create([new TypesContract(), new BillsContract(), new ResultsContract()]).Metadata.ToArray();
        var second = ContractRouter.Create([new ResultsContract(), new BillsContract(), new TypesContract()]).Metadata.ToArray();

        // Assert
        Assert.That(second, Is.EqualTo(first));
        Assert.That(() => JsonDocument.Parse(first), Throws.Nothing);
    }
}
