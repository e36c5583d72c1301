namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// The usual base class of a contract: the hooks of <see cref="IContract"/> as virtual methods that
/// do nothing (before and after), refuse (unknown transaction) or pass the router's wording on
/// (argument errors).
/// </summary>
/// <example>
/// <code>
/// [Contract(Name = "assets")]
/// public sealed class AssetContract : ContractBase
/// {
///     [Transaction(Evaluate = true)]
///     public async Task&lt;Asset&gt; ReadAsset(Context context, string id) { ... }
///
///     public override string FormatArgumentError(TransactionArgumentError argumentError) =&gt; "INVALID_ARGUMENT: " + argumentError.Message;
/// }
/// </code>
/// </example>
public abstract class ContractBase : IContract
{
    /// <inheritdoc/>
    /// <remarks>Does nothing unless overridden.</remarks>
    public virtual Task BeforeTransactionAsync(Context context) => Task.CompletedTask;

    /// <inheritdoc/>
    /// <remarks>Does nothing unless overridden.</remarks>
    public virtual Task AfterTransactionAsync(Context context, object? result) => Task.CompletedTask;

    /// <inheritdoc/>
    /// <remarks>Unless overridden, throws a <see cref="ContractException"/> naming the transaction and the contract.</remarks>
    /// <exception cref="ContractException">Always, unless overridden.</exception>
    public virtual Task<ChaincodeResponse> UnknownTransactionAsync(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        throw new ContractException($"Contract '{context.ContractName}' has no transaction named '{context.TransactionName}'.");
    }

    /// <inheritdoc/>
    /// <remarks>Unless overridden, returns <see cref="TransactionArgumentError.Message"/> unchanged.</remarks>
    public virtual string FormatArgumentError(TransactionArgumentError argumentError)
    {
        ArgumentNullException.ThrowIfNull(argumentError);
        return argumentError.Message;
    }
}
