using System.Collections.Immutable;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>A committed value with its metadata (for example a key-level endorsement policy) and version.</summary>
/// <param name="Value">The value; never empty.</param>
/// <param name="Metadata">The key's metadata entries by metakey.</param>
/// <param name="Version">The version: who wrote the key last.</param>
internal sealed record VersionedValue(byte[] Value, ImmutableSortedDictionary<string, byte[]> Metadata, KeyVersion Version)
{
    public static readonly ImmutableSortedDictionary<string, byte[]> NoMetadata = ImmutableSortedDictionary.Create<string, byte[]>(StringComparer.Ordinal);
}
