namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>A write of a private key: a value, or a delete (<see cref="Value"/> null), which a purge also is.</summary>
/// <param name="Value">The value, or <see langword="null"/> for a delete or purge.</param>
/// <param name="IsPurge">Whether the delete also purges the key's past values.</param>
internal sealed record PrivateWrite(byte[]? Value, bool IsPurge);
