using System.Collections.Immutable;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// The committed state of a channel at one height: public state and private data per namespace
/// (chaincode), the history of public keys and the ids of committed transactions. Immutable; a commit
/// makes a new one.
/// </summary>
internal sealed record WorldState(
    ImmutableDictionary<string, KeySpace> Public,
    ImmutableDictionary<(string Namespace, string Collection), KeySpace> Private,
    ImmutableDictionary<(string Namespace, string Key), ImmutableList<KeyModification>> History,
    ImmutableHashSet<string> TransactionIds,
    ulong Height)
{
    /// <summary>The state after the genesis block (block 0): empty.</summary>
    public static readonly WorldState Genesis = new(
        ImmutableDictionary.Create<string, KeySpace>(StringComparer.Ordinal),
        ImmutableDictionary<(string, string), KeySpace>.Empty,
        ImmutableDictionary<(string, string), ImmutableList<KeyModification>>.Empty,
        ImmutableHashSet.Create<string>(StringComparer.Ordinal),
        1);

    public KeySpace PublicOf(string ns) => Public.GetValueOrDefault(ns) ?? KeySpace.Empty;

    public KeySpace PrivateOf(string ns, string collection) => Private.GetValueOrDefault((ns, collection)) ?? KeySpace.Empty;

    /// <summary>A key's changes, oldest first.</summary>
    public ImmutableList<KeyModification> HistoryOf(string ns, string key) =>
        History.GetValueOrDefault((ns, key)) ?? [];
}
