#pragma warning disable CA1822 // Transactions are instance methods of their contract by design.

using System.Text.Json.Serialization;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Chaincode.Tests.Contracts.Infrastructure;

internal enum Color
{
    Red,
    Green,
    Blue,
}

/// <summary>An enum whose text names differ from its member names, as <c>[JsonStringEnumMemberName]</c> sets them.</summary>
internal enum Size
{
    [JsonStringEnumMemberName("small")]
    Small,

    [JsonStringEnumMemberName("extra-large")]
    ExtraLarge,

    Medium,
}

/// <summary>A JSON argument and result: declared out of alphabetical order on purpose.</summary>
internal sealed record Order(string Zone, long Amount, Color Color, IReadOnlyList<OrderLine> Lines, string? Note = null);

internal sealed record OrderLine(string Sku, int Quantity);

/// <summary>Explicit <c>[JsonPropertyOrder]</c> comes before the ordinal order.</summary>
internal sealed record Ranked([property: JsonPropertyOrder(-1)] string Zulu, string Alpha);

/// <summary>One transaction per supported parameter type, each echoing its argument.</summary>
[Contract(Name = "types")]
internal sealed class TypesContract : ContractBase
{
    [Transaction(Evaluate = true)]
    public string Echo(string value) => value;

    [Transaction(Evaluate = true)]
    public sbyte SByte(sbyte value) => value;

    [Transaction(Evaluate = true)]
    public byte Byte(byte value) => value;

    [Transaction(Evaluate = true)]
    public short Short(short value) => value;

    [Transaction(Evaluate = true)]
    public ushort UShort(ushort value) => value;

    [Transaction(Evaluate = true)]
    public int Int(int value) => value;

    [Transaction(Evaluate = true)]
    public uint UInt(uint value) => value;

    [Transaction(Evaluate = true)]
    public long Long(long value) => value;

    [Transaction(Evaluate = true)]
    public ulong ULong(ulong value) => value;

    [Transaction(Evaluate = true)]
    public bool Bool(bool value) => value;

    [Transaction(Evaluate = true)]
    public Color Enum(Color value) => value;

    [Transaction(Evaluate = true)]
    public Size NamedEnum(Size value) => value;

    [Transaction(Evaluate = true)]
    public byte[] Bytes(byte[] value) => value;

    [Transaction(Evaluate = true)]
    public DateOnly Date(DateOnly value) => value;

    [Transaction(Evaluate = true)]
    public Guid Guid(Guid value) => value;

    [Transaction(Evaluate = true)]
    public Order Record(Order value) => value;

    [Transaction(Evaluate = true)]
    public List<long> List(List<long> values) => values;

    [Transaction(Evaluate = true)]
    public Dictionary<string, int> Map(Dictionary<string, int> values) => values;

    [Transaction(Evaluate = true)]
    public long? Nullable(long? value) => value;

    [Transaction(Evaluate = true)]
    public string Optional(string first, long? second = null, int third = 7, Color fourth = Color.Blue) =>
        $"{first}|{second?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}|{third.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{fourth}";

    [Transaction(Evaluate = true)]
#pragma warning disable CA1068 // The order is the point: special parameters may sit anywhere.
    public string Mixed(CancellationToken cancellationToken, string a, Context context, int b, IChaincodeStub stub) =>
        $"{a}:{b.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{context.TransactionName}:{stub.TransactionId}:{cancellationToken.CanBeCanceled}";
#pragma warning restore CA1068
}

/// <summary>The example from the brief: the contract chooses the error prefix.</summary>
[Contract(Name = "bills", IsDefault = true)]
internal sealed class BillsContract : ContractBase
{
    [Transaction]
    public long IssueBill(string id, long amount) => amount;

    [Transaction(Name = "GetBill", Evaluate = true)]
    public string ReadBill(string id) => id;

    public override string FormatArgumentError(TransactionArgumentError argumentError) =>
        "INVALID_ARGUMENT: " + base.FormatArgumentError(argumentError);
}

/// <summary>Results of every shape, and failures of every kind.</summary>
[Contract(Name = "results")]
internal sealed class ResultsContract : ContractBase
{
    public List<string> Calls { get; } = [];

    [Transaction]
    public void Nothing() => Calls.Add(nameof(Nothing));

    [Transaction]
    public Task NothingAsync() => Task.CompletedTask;

    [Transaction]
    public ValueTask NothingValueTask() => ValueTask.CompletedTask;

    [Transaction]
    public async Task<Order> OrderAsync(Context context)
    {
        await Task.Yield();
        return new Order("eu", 5, Color.Red, [new OrderLine("a", 1)]);
    }

    [Transaction]
    public ValueTask<int> NumberValueTask() => ValueTask.FromResult(42);

    [Transaction]
    public string? NullString() => null;

    [Transaction]
    public ChaincodeResponse Raw() => ChaincodeResponse.Failure("raw refusal", 403);

    [Transaction]
    public Task<ChaincodeResponse> RawAsync() => Task.FromResult(ChaincodeResponse.Success("raw"u8.ToArray()));

    [Transaction]
    public string Refuse() => throw new ContractException("NOT_FOUND: nothing here.");

    [Transaction]
    public string RefuseWithStatus() => throw new ContractException("FORBIDDEN: not yours.", 403);

    [Transaction]
    public string Crash() => throw new InvalidOperationException("boom");

    [Transaction]
    public async Task<string> WaitForCancellation(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return "never";
    }

    [Transaction]
    public string Identity(ClientIdentity identity) => identity.MspId;

    [Transaction]
    public Color Undefined() => (Color)42;
}

/// <summary>Records the hooks in order; behaviour is switched by the transaction's argument.</summary>
internal sealed class HookedContract : ContractBase
{
    public List<string> Calls { get; } = [];

    public object? AfterResult { get; private set; }

    public string? ItemSeenByTransaction { get; private set; }

    [Transaction]
    public string Run(Context context, string mode)
    {
        Calls.Add("transaction");
        ItemSeenByTransaction = context.Items.TryGetValue("before", out var item) ? (string?)item : null;
        return mode == "throw" ? throw new ContractException("transaction refused") : "result:" + mode;
    }

    public override Task BeforeTransactionAsync(Context context)
    {
        Calls.Add("before");
        context.Items["before"] = "set by before";
        if (context.Stub.Parameters is ["before-throws"])
        {
            throw new ContractException("FORBIDDEN: the before hook refused.");
        }

        return Task.CompletedTask;
    }

    public override Task AfterTransactionAsync(Context context, object? result)
    {
        Calls.Add("after");
        AfterResult = result;
        return context.Stub.Parameters is ["after-throws"]
            ? throw new ContractException("after hook refused")
            : Task.CompletedTask;
    }

    public override Task<ChaincodeResponse> UnknownTransactionAsync(Context context)
    {
        Calls.Add("unknown:" + context.TransactionName);
        return Task.FromResult(ChaincodeResponse.Success("handled " + context.TransactionName));
    }
}

/// <summary>A second contract, for routing by name.</summary>
[Contract(Name = "audit")]
internal sealed class AuditContract : ContractBase
{
    [Transaction(Evaluate = true)]
    public string Ping(Context context) => "audit:" + context.ContractName + ":" + context.TransactionName;
}

/// <summary>A contract whose name contains a colon, for the last-colon split.</summary>
[Contract(Name = "org.example:audit")]
internal sealed class ColonNamedContract : ContractBase
{
    [Transaction(Evaluate = true)]
    public string Ping() => "colon";
}

/// <summary>Declares itself the default.</summary>
[Contract(Name = "main", IsDefault = true)]
internal sealed class MainContract : ContractBase
{
    [Transaction(Evaluate = true)]
    public string Ping() => "main";
}

/// <summary>Another contract that declares itself the default.</summary>
[Contract(Name = "other", IsDefault = true)]
internal sealed class OtherDefaultContract : ContractBase
{
    [Transaction(Evaluate = true)]
    public string Ping() => "other";
}

/// <summary>Implements <see cref="IContract"/> directly, without the base class; no attribute, so named after the class.</summary>
internal sealed class PlainContract : IContract
{
    [Transaction]
    public string Hello(string name) => "hello " + name;

    public Task BeforeTransactionAsync(Context context) => Task.CompletedTask;

    public Task AfterTransactionAsync(Context context, object? result) => Task.CompletedTask;

    public Task<ChaincodeResponse> UnknownTransactionAsync(Context context) => Task.FromResult(ChaincodeResponse.Failure("plain: unknown"));

    public string FormatArgumentError(TransactionArgumentError argumentError) => "plain: " + argumentError.Message;
}
