#pragma warning disable CA1822 // Transactions are instance methods of their contract by design.
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Chaincode.Tests.Fuzz;

/// <summary>A second, named contract, so that function names may route to either.</summary>
[Contract(Name = "other")]
internal sealed class OtherFuzzContract : ContractBase
{
    [Transaction(Evaluate = true)]
    public string Ping() => "pong";

    public override string FormatArgumentError(TransactionArgumentError argumentError) => FuzzContract.Prefix + base.FormatArgumentError(argumentError);

    public override Task<ChaincodeResponse> UnknownTransactionAsync(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw new ContractException($"{FuzzContract.Prefix}no transaction '{context.TransactionName}' in other.");
    }
}
