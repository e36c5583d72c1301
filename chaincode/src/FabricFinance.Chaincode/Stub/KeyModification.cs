namespace FabricFinance.Chaincode;

/// <summary>One committed change of a key, as returned by <see cref="IChaincodeStub.GetHistoryForKeyAsync"/>.</summary>
/// <param name="TransactionId">The transaction that made the change.</param>
/// <param name="Value">The value the transaction wrote; empty when <paramref name="IsDelete"/> is set.</param>
/// <param name="Timestamp">The timestamp of that transaction's proposal, as its client asserted it.</param>
/// <param name="IsDelete">Whether the transaction deleted the key.</param>
public sealed record KeyModification(string TransactionId, ReadOnlyMemory<byte> Value, DateTimeOffset Timestamp, bool IsDelete);
