namespace FabricFinance.Chaincode;

/// <summary>A key and its committed value, as returned by a range query.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
public sealed record KeyValue(string Key, ReadOnlyMemory<byte> Value);
