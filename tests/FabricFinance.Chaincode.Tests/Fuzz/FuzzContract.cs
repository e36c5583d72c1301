#pragma warning disable CA1822 // Transactions are instance methods of their contract by design.
using System.Text.Json.Serialization;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Chaincode.Tests.Fuzz;

/// <summary>The default contract the router fuzz aims at: every refusal it words starts with <c>REFUSED: </c>.</summary>
[Contract(Name = "fuzz", IsDefault = true)]
internal sealed class FuzzContract : ContractBase
{
    public const string Prefix = "REFUSED: ";

    /// <summary>A kind with one member renamed for JSON, as the bill model's enums are.</summary>
    public enum Shade
    {
        [JsonStringEnumMemberName("light")]
        Light,

        Dark,

        InBetween,
    }

    [Transaction(Evaluate = true)]
    public string Echo(string text) => text;

    [Transaction(Evaluate = true)]
    public long Amount(long value) => value;

    [Transaction(Evaluate = true)]
    public string Paint(Shade shade) => shade.ToString();

    [Transaction(Evaluate = true)]
    public string Canvas(Canvas canvas)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        return canvas.Shade.ToString();
    }

    public override string FormatArgumentError(TransactionArgumentError argumentError) => Prefix + base.FormatArgumentError(argumentError);

    public override Task<ChaincodeResponse> UnknownTransactionAsync(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw new ContractException($"{Prefix}no transaction '{context.TransactionName}'.");
    }
}
