using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

namespace FabricFinance.Chaincode.Tests.Contracts;

/// <summary>Contracts that cannot be served fail when the router is built, naming the type and member.</summary>
[TestFixture]
public sealed class ContractDefinitionTests
{
    private const string Ns = "FabricFinance.Chaincode.Tests.Contracts.Infrastructure.";

    [TestCase(typeof(OverloadedContract), Ns + "OverloadedContract: two methods are the transaction 'Pay' (Pay(String) and Pay(String, Int64)); transaction names must be unique within a contract.")]
    [TestCase(typeof(RenamedCollisionContract), Ns + "RenamedCollisionContract: two methods are the transaction 'Pay' (Pay(String) and Transfer(String))")]
    [TestCase(typeof(DoubleParameterContract), Ns + "DoubleParameterContract.Price: parameter 'price' of type Double cannot be bound: Double is not allowed: floating-point and decimal numbers can make endorsers disagree")]
    [TestCase(typeof(DecimalResultContract), Ns + "DecimalResultContract.Rate: the result type Decimal cannot be serialized: Decimal is not allowed")]
    [TestCase(typeof(FloatInRecordContract), Ns + "FloatInRecordContract.Add: parameter 'item' of type PricedItem cannot be bound: property 'price' of PricedItem: Single is not allowed")]
    [TestCase(typeof(ObjectParameterContract), "ObjectParameterContract.Store: parameter 'value' of type Object cannot be bound: Object is untyped")]
    [TestCase(typeof(JsonNodeParameterContract), "JsonNodeParameterContract.Store: parameter 'value' of type JsonNode cannot be bound: JsonNode is untyped")]
    [TestCase(typeof(DateTimeParameterContract), "DateTimeParameterContract.Schedule: parameter 'when' of type DateTime cannot be bound: DateTime is ambiguous about its time zone")]
    [TestCase(typeof(SetParameterContract), "SetParameterContract.Tag: parameter 'tags' of type HashSet<String> cannot be bound: HashSet<String> is a set, which has no defined order")]
    [TestCase(typeof(PrivateTransactionContract), "PrivateTransactionContract.Secret: a [Transaction] method must be public and not static.")]
    [TestCase(typeof(StaticTransactionContract), "StaticTransactionContract.Shared: a [Transaction] method must be public and not static.")]
    [TestCase(typeof(GenericTransactionContract), "GenericTransactionContract.Echo: a [Transaction] method must not be generic.")]
    [TestCase(typeof(RefParameterContract), "RefParameterContract.Bump: parameter 'value' is passed by reference")]
    [TestCase(typeof(OutParameterContract), "OutParameterContract.Make: parameter 'value' is passed by reference")]
    [TestCase(typeof(ParamsContract), "ParamsContract.Join: parameter 'parts' is a params array")]
    [TestCase(typeof(RequiredAfterOptionalContract), "RequiredAfterOptionalContract.Pair: parameter 'second' is required but follows an optional one")]
    [TestCase(typeof(AsyncVoidContract), "AsyncVoidContract.Fire: the method is 'async void'")]
    [TestCase(typeof(NestedTaskContract), "NestedTaskContract.Nested: the result is a task of a task")]
    [TestCase(typeof(AsyncEnumerableContract), "AsyncEnumerableContract.Stream: the result is an IAsyncEnumerable")]
    [TestCase(typeof(WhiteSpaceNameContract), "WhiteSpaceNameContract: the contract name 'bad:name ' must be non-empty and contain no white space.")]
    [TestCase(typeof(ReservedNameContract), "ReservedNameContract: the contract name 'org.hyperledger.fabric' is reserved for Fabric's system contract.")]
    [TestCase(typeof(ColonTransactionContract), "ColonTransactionContract.Ping: the transaction name 'a:b' must be non-empty and contain no ':' or white space.")]
    [TestCase(typeof(NoTransactionsContract), "NoTransactionsContract: the contract has no public method marked [Transaction].")]
    [TestCase(typeof(SchemaNameCollisionContract), "SchemaNameCollisionContract.B: parameter 'item' of type Item cannot be bound: Two types would share the schema name 'Item'")]
    [TestCase(typeof(PolymorphicContract), "PolymorphicContract.Draw: parameter 'shape' of type Shape cannot be bound: Shape is an interface or abstract class")]
    [TestCase(typeof(NoConstructorContract), "NoConstructorContract.Take: parameter 'item' of type NoConstructorItem cannot be bound: NoConstructorItem has no constructor System.Text.Json can use")]
    public void Create_InvalidContract_ThrowsNamingTheTypeAndMember(Type contractType, string expected)
    {
        // Arrange
        var contract = (IContract)Activator.CreateInstance(contractType, nonPublic: true)!;

        // Act / Assert
        Assert.That(() => ContractRouter.Create([contract]), Throws.TypeOf<ContractDefinitionException>().With.Message.Contains(expected));
    }

    [Test]
    public void Create_TwoDefaultContracts_ThrowsNamingBoth()
    {
        // Act / Assert
        Assert.That(
            () => ContractRouter.Create([new MainContract(), new OtherDefaultContract()]),
            Throws.TypeOf<ContractDefinitionException>().With.Message.EqualTo(
                $"Only one contract can be the default, but 'main' ({Ns}MainContract) and 'other' ({Ns}OtherDefaultContract) set IsDefault."));
    }

    [Test]
    public void Create_TwoContractsWithOneName_ThrowsNamingBothTypes()
    {
        // Act / Assert
        Assert.That(
            () => ContractRouter.Create([new AuditContract(), new AuditContract()]),
            Throws.TypeOf<ContractDefinitionException>().With.Message.EqualTo(
                $"Two contracts are named 'audit' ({Ns}AuditContract and {Ns}AuditContract); contract names must be unique."));
    }

    [Test]
    public void Create_NoContracts_Throws()
    {
        // Act / Assert
        Assert.That(() => ContractRouter.Create(Array.Empty<IContract>()), Throws.ArgumentException);
    }
}
