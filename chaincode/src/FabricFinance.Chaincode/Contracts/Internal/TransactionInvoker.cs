namespace FabricFinance.Chaincode.Contracts.Internal;

/// <summary>
/// Calls one transaction method: binds the arguments (index 0 is the function name), invokes the
/// method on the contract instance, awaits it and serializes its result. Compiled once at startup.
/// </summary>
/// <exception cref="ArgumentBindingException">An argument could not be bound.</exception>
internal delegate ValueTask<TransactionResult> TransactionInvoker(object contract, Context context, IReadOnlyList<ReadOnlyMemory<byte>> arguments);

/// <summary>What a transaction method returned, and the response made of it.</summary>
/// <param name="Value">The method's return value, for the after hook (<see langword="null"/> for none).</param>
/// <param name="Response">The response to send.</param>
internal readonly record struct TransactionResult(object? Value, ChaincodeResponse Response);
