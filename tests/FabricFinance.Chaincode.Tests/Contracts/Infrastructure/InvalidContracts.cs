#pragma warning disable CA1822 // Transactions are instance methods of their contract by design.
#pragma warning disable CA1812 // Instantiated by the tests through Activator.
#pragma warning disable IDE0051 // Unused private members are the point of some of these contracts.
#pragma warning disable IDE0060 // Unused parameters are the point of some of these contracts.
#pragma warning disable CA1801

using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

// Contracts the router must refuse at startup, each with one mistake.

internal sealed class OverloadedContract : ContractBase
{
    [Transaction]
    public string Pay(string to) => to;

    [Transaction]
    public string Pay(string to, long amount) => to;
}

internal sealed class RenamedCollisionContract : ContractBase
{
    [Transaction]
    public string Pay(string to) => to;

    [Transaction(Name = "Pay")]
    public string Transfer(string to) => to;
}

internal sealed class DoubleParameterContract : ContractBase
{
    [Transaction]
    public void Price(double price)
    {
    }
}

internal sealed class DecimalResultContract : ContractBase
{
    [Transaction]
    public decimal Rate() => 1m;
}

internal sealed record PricedItem(string Sku, float Price);

internal sealed class FloatInRecordContract : ContractBase
{
    [Transaction]
    public void Add(PricedItem item)
    {
    }
}

internal sealed class ObjectParameterContract : ContractBase
{
    [Transaction]
    public void Store(object value)
    {
    }
}

internal sealed class JsonNodeParameterContract : ContractBase
{
    [Transaction]
    public void Store(JsonNode value)
    {
    }
}

internal sealed class DateTimeParameterContract : ContractBase
{
    [Transaction]
    public void Schedule(DateTime when)
    {
    }
}

internal sealed class SetParameterContract : ContractBase
{
    [Transaction]
    public void Tag(HashSet<string> tags)
    {
    }
}

internal sealed class PrivateTransactionContract : ContractBase
{
    [Transaction]
    private string Secret() => "no";
}

internal sealed class StaticTransactionContract : ContractBase
{
    [Transaction]
    public static string Shared() => "no";
}

internal sealed class GenericTransactionContract : ContractBase
{
    [Transaction]
    public T Echo<T>(T value) => value;
}

internal sealed class RefParameterContract : ContractBase
{
    [Transaction]
    public void Bump(ref int value) => value++;
}

internal sealed class OutParameterContract : ContractBase
{
    [Transaction]
    public void Make(out int value) => value = 1;
}

internal sealed class ParamsContract : ContractBase
{
    [Transaction]
    public string Join(params string[] parts) => string.Concat(parts);
}

internal sealed class RequiredAfterOptionalContract : ContractBase
{
    [Transaction]
    public string Pair([Optional] string first, string second) => first + second;
}

internal sealed class AsyncVoidContract : ContractBase
{
    [Transaction]
    public async void Fire() => await Task.Yield();
}

internal sealed class NestedTaskContract : ContractBase
{
    [Transaction]
    public Task<Task<string>> Nested() => Task.FromResult(Task.FromResult("x"));
}

internal sealed class AsyncEnumerableContract : ContractBase
{
    [Transaction]
    public async IAsyncEnumerable<string> Stream()
    {
        await Task.Yield();
        yield return "x";
    }
}

[Contract(Name = "bad:name ")]
internal sealed class WhiteSpaceNameContract : ContractBase
{
    [Transaction]
    public void Ping()
    {
    }
}

[Contract(Name = "org.hyperledger.fabric")]
internal sealed class ReservedNameContract : ContractBase
{
    [Transaction]
    public void Ping()
    {
    }
}

internal sealed class ColonTransactionContract : ContractBase
{
    [Transaction(Name = "a:b")]
    public void Ping()
    {
    }
}

internal sealed class NoTransactionsContract : ContractBase
{
    public string NotATransaction() => "x";
}

internal static class First
{
    internal sealed record Item(string Id);
}

internal static class Second
{
    internal sealed record Item(long Id);
}

internal sealed class SchemaNameCollisionContract : ContractBase
{
    [Transaction]
    public First.Item A(First.Item item) => item;

    [Transaction]
    public Second.Item B(Second.Item item) => item;
}

[JsonDerivedType(typeof(Circle), "circle")]
internal abstract record Shape;

internal sealed record Circle(long Radius) : Shape;

internal sealed class PolymorphicContract : ContractBase
{
    [Transaction]
    public void Draw(Circle circle, Shape shape)
    {
    }
}

internal sealed class NoConstructorItem
{
    private NoConstructorItem(string id) => Id = id;

    public string Id { get; }
}

internal sealed class NoConstructorContract : ContractBase
{
    [Transaction]
    public void Take(NoConstructorItem item)
    {
    }
}
