using System.Collections.Immutable;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>What one transaction read and wrote in one namespace (chaincode), as Fabric's read-write set records it.</summary>
internal sealed class NamespaceReadWriteSet
{
    /// <summary>Public keys read, with the version read (<see langword="null"/>: the key did not exist).</summary>
    public Dictionary<string, KeyVersion?> Reads { get; } = new(StringComparer.Ordinal);

    public List<RangeQueryRecord> RangeQueries { get; } = [];

    /// <summary>Private keys read (their hashes, in Fabric's read set), with the version read.</summary>
    public Dictionary<(string Collection, string Key), KeyVersion?> HashedReads { get; } = [];

    /// <summary>Public writes in the order of their first write; <see langword="null"/> is a delete. The last write of a key wins.</summary>
    public OrderedDictionary<string, byte[]?> Writes { get; } = new(StringComparer.Ordinal);

    /// <summary>Public metadata writes: the key's whole new metadata; an empty map removes it.</summary>
    public OrderedDictionary<string, ImmutableSortedDictionary<string, byte[]>> MetadataWrites { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<(string Collection, string Key), PrivateWrite> PrivateWrites { get; } = [];

    public OrderedDictionary<(string Collection, string Key), ImmutableSortedDictionary<string, byte[]>> PrivateMetadataWrites { get; } = [];

    public bool HasWrites => Writes.Count > 0 || MetadataWrites.Count > 0 || PrivateWrites.Count > 0 || PrivateMetadataWrites.Count > 0;
}
