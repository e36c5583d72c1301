namespace FabricFinance.Bills.Tests.Support;

/// <summary>One call of the contract on private data, as the recording stub saw it.</summary>
/// <param name="TransactionId">The transaction that made the call.</param>
/// <param name="Kind">What the call did.</param>
/// <param name="Collection">The collection named.</param>
/// <param name="Key">The key named.</param>
public sealed record PrivateDataAccess(string TransactionId, PrivateDataAccessKind Kind, string Collection, string Key);
