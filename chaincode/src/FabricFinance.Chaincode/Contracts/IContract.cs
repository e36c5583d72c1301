namespace FabricFinance.Chaincode.Contracts;

/// <summary>
/// A contract: a class whose <see cref="TransactionAttribute"/> methods the
/// <see cref="ContractRouter"/> exposes as transactions, with hooks around each of them. Derive from
/// <see cref="ContractBase"/> to get the default hooks and override only what you need.
/// </summary>
/// <remarks>
/// One instance serves many concurrent transactions: keep per-transaction state in the
/// <see cref="Context"/>, not in fields. Everything a contract does must be deterministic: every
/// endorsing peer runs it and the results must match byte for byte.
/// </remarks>
public interface IContract
{
    /// <summary>Runs before every transaction of the contract. Throwing stops the transaction; its error is the response.</summary>
    /// <param name="context">The transaction.</param>
    /// <returns>A task that completes when the hook is done.</returns>
    Task BeforeTransactionAsync(Context context);

    /// <summary>Runs after every transaction of the contract that returned normally, with its result.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="result">What the transaction method returned (<see langword="null"/> for a method without a result).</param>
    /// <returns>A task that completes when the hook is done. Throwing turns the transaction into an error.</returns>
    Task AfterTransactionAsync(Context context, object? result);

    /// <summary>
    /// Runs instead of a transaction when the client named a transaction this contract does not
    /// have (the before and after hooks do not run).
    /// </summary>
    /// <param name="context">The transaction; <see cref="Context.TransactionName"/> is the name that matched nothing.</param>
    /// <returns>The response to send.</returns>
    Task<ChaincodeResponse> UnknownTransactionAsync(Context context);

    /// <summary>
    /// Words the error for arguments that do not fit the transaction (wrong count, or a value that
    /// cannot be bound). The router sends the returned message as a status 500 response.
    /// </summary>
    /// <param name="argumentError">What was wrong.</param>
    /// <returns>The message the client receives.</returns>
    string FormatArgumentError(TransactionArgumentError argumentError);
}
