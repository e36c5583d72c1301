namespace FabricFinance.Monitor.Ledger;

/// <summary>One key a transaction wrote in the chaincode's public state, or in one of its private data collections.</summary>
/// <param name="Collection">The private data collection; null for the public state.</param>
/// <param name="Key">The key, as the chaincode wrote it (composite keys keep their U+0000 separators).</param>
/// <param name="Value">The value written; null when the transaction deleted the key.</param>
public sealed record StateWrite(string? Collection, string Key, byte[]? Value)
{
    /// <summary>Gets a value indicating whether the transaction deleted the key.</summary>
    public bool IsDelete => Value is null;
}
