using System.Collections.Immutable;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// Validates and commits one block of simulated transactions the way a Fabric peer's committer does:
/// transactions in order, each checked against the committed state plus the writes of the valid
/// transactions before it in the block. Checks, in Fabric's order: duplicate transaction id; endorsement
/// (key-level policies of written keys, else the collection's or chaincode's policy); then per namespace
/// the read versions (MVCC), the range queries re-run (phantoms) and the private reads. Only a valid
/// transaction's writes are applied, with the version (block, index).
/// </summary>
internal sealed class BlockCommitter
{
    private readonly InMemoryLedger _ledger;
    private readonly ulong _blockNumber;
    private readonly ImmutableDictionary<string, KeySpace>.Builder _public;
    private readonly ImmutableDictionary<(string, string), KeySpace>.Builder _private;
    private readonly ImmutableDictionary<(string, string), ImmutableList<KeyModification>>.Builder _history;
    private readonly ImmutableHashSet<string>.Builder _transactionIds;
    private readonly HashSet<(string Namespace, string Collection, string Key)> _policiesChanged = [];

    public BlockCommitter(InMemoryLedger ledger, WorldState state)
    {
        _ledger = ledger;
        _blockNumber = state.Height;
        _public = state.Public.ToBuilder();
        _private = state.Private.ToBuilder();
        _history = state.History.ToBuilder();
        _transactionIds = state.TransactionIds.ToBuilder();
    }

    public List<CommittedEvent> Events { get; } = [];

    public CommitResult Commit(int index, ProposalData proposal, TxSimulator simulator, IReadOnlyList<string> endorsers, string chaincodeName, TransactionEvent? transactionEvent)
    {
        var code = Validate(proposal.TransactionId, simulator, endorsers);
        _transactionIds.Add(proposal.TransactionId);
        if (code == ValidationCode.Valid)
        {
            Apply(proposal, simulator, new KeyVersion(_blockNumber, (ulong)index));
            if (transactionEvent is not null)
            {
                Events.Add(new CommittedEvent(chaincodeName, proposal.TransactionId, _blockNumber, transactionEvent));
            }
        }

        return new CommitResult(proposal.TransactionId, code, _blockNumber, index);
    }

    public WorldState Build() => new(_public.ToImmutable(), _private.ToImmutable(), _history.ToImmutable(), _transactionIds.ToImmutable(), _blockNumber + 1);

    private KeySpace Public(string ns) => _public.GetValueOrDefault(ns) ?? KeySpace.Empty;

    private KeySpace Private(string ns, string collection) => _private.GetValueOrDefault((ns, collection)) ?? KeySpace.Empty;

    private ValidationCode Validate(string transactionId, TxSimulator simulator, IReadOnlyList<string> endorsers)
    {
        if (_transactionIds.Contains(transactionId))
        {
            return ValidationCode.DuplicateTransactionId;
        }

        if (endorsers.Count > 0 && !EndorsementSatisfied(simulator, endorsers))
        {
            return ValidationCode.EndorsementPolicyFailure;
        }

        foreach (var (ns, set) in simulator.Namespaces)
        {
            var space = Public(ns);
            if (set.Reads.Any(read => space.Get(read.Key)?.Version != read.Value))
            {
                return ValidationCode.MvccReadConflict;
            }

            if (set.RangeQueries.Any(range => IsPhantom(space, range)))
            {
                return ValidationCode.PhantomReadConflict;
            }

            if (set.HashedReads.Any(read => Private(ns, read.Key.Collection).Get(read.Key.Key)?.Version != read.Value))
            {
                return ValidationCode.MvccReadConflict;
            }
        }

        return ValidationCode.Valid;
    }

    /// <summary>Re-runs a recorded range over the state as of now and compares keys and versions one by one.</summary>
    private static bool IsPhantom(KeySpace space, RangeQueryRecord range)
    {
        using var now = space.Range(range.StartKey, range.EndKey, includeEndKey: !range.Exhausted).GetEnumerator();
        foreach (var (key, version) in range.Reads)
        {
            if (!now.MoveNext() || now.Current.Key != key || now.Current.Value.Version != version)
            {
                return true;
            }
        }

        return now.MoveNext();
    }

    /// <summary>
    /// Fabric's state-based endorsement validation, per namespace: each written key (value or metadata,
    /// public or private) must satisfy its key-level policy, or when it has none the collection's policy
    /// (private keys) or the chaincode's; a namespace with no key-level policy checked must satisfy the
    /// chaincode's policy. A key whose policy an earlier transaction of this block changed fails.
    /// </summary>
    private bool EndorsementSatisfied(TxSimulator simulator, IReadOnlyList<string> endorsers)
    {
        foreach (var (ns, set) in simulator.Namespaces)
        {
            var deployment = _ledger.FindChaincode(ns)?.Deployment;
            var chaincodePolicy = deployment?.EndorsementPolicy;
            var keyPolicyChecked = false;
            var written = set.Writes.Keys.Concat(set.MetadataWrites.Keys).Distinct(StringComparer.Ordinal).Select(k => (Collection: string.Empty, Key: k))
                .Concat(set.PrivateWrites.Keys.Concat(set.PrivateMetadataWrites.Keys).Distinct());
            foreach (var (collection, key) in written)
            {
                if (_policiesChanged.Contains((ns, collection, key)))
                {
                    return false;
                }

                var entry = collection.Length == 0 ? Public(ns).Get(key) : Private(ns, collection).Get(key);
                if (entry is not null && entry.Metadata.TryGetValue(InMemoryStub.ValidationParameter, out var keyPolicy) && keyPolicy.Length > 0)
                {
                    if (!PolicyEvaluator.IsSatisfied(keyPolicy, endorsers))
                    {
                        return false;
                    }

                    keyPolicyChecked = true;
                    continue;
                }

                var fallback = collection.Length == 0
                    ? chaincodePolicy
                    : deployment?.Collections.FirstOrDefault(c => c.Name == collection)?.EndorsementPolicy ?? chaincodePolicy;
                if (fallback is { } policy && !PolicyEvaluator.IsSatisfied(policy.Span, endorsers))
                {
                    return false;
                }

                keyPolicyChecked |= fallback is not null;
            }

            if (!keyPolicyChecked && chaincodePolicy is { } ccPolicy && !PolicyEvaluator.IsSatisfied(ccPolicy.Span, endorsers))
            {
                return false;
            }
        }

        return true;
    }

    private void Apply(ProposalData proposal, TxSimulator simulator, KeyVersion version)
    {
        foreach (var (ns, set) in simulator.Namespaces)
        {
            var space = Public(ns);
            foreach (var key in set.Writes.Keys.Concat(set.MetadataWrites.Keys).Distinct(StringComparer.Ordinal).ToList())
            {
                var hasWrite = set.Writes.TryGetValue(key, out var value);
                set.MetadataWrites.TryGetValue(key, out var metadata);
                space = ApplyKey(space, key, hasWrite, value, metadata, version);
                if (metadata is not null)
                {
                    _policiesChanged.Add((ns, string.Empty, key));
                }

                if (hasWrite)
                {
                    var change = new KeyModification(proposal.TransactionId, value ?? [], proposal.Timestamp, value is null);
                    _history[(ns, key)] = (_history.GetValueOrDefault((ns, key)) ?? []).Add(change);
                }
            }

            _public[ns] = space;
            foreach (var group in set.PrivateWrites.Keys.Concat(set.PrivateMetadataWrites.Keys).Distinct().GroupBy(k => k.Collection).ToList())
            {
                var collection = Private(ns, group.Key);
                foreach (var (name, key) in group)
                {
                    var hasWrite = set.PrivateWrites.TryGetValue((name, key), out var write);
                    set.PrivateMetadataWrites.TryGetValue((name, key), out var metadata);
                    collection = ApplyKey(collection, key, hasWrite, write?.Value, metadata, version);
                    if (metadata is not null)
                    {
                        _policiesChanged.Add((ns, name, key));
                    }
                }

                _private[(ns, group.Key)] = collection;
            }
        }
    }

    /// <summary>
    /// One key's value and metadata writes, as Fabric combines them: a delete removes the key and its
    /// metadata; a value write keeps the key's metadata unless the transaction also wrote metadata; a
    /// metadata write alone gives an existing key a new version and is dropped for a key that does not exist.
    /// </summary>
    private static KeySpace ApplyKey(KeySpace space, string key, bool hasWrite, byte[]? value, ImmutableSortedDictionary<string, byte[]>? metadata, KeyVersion version)
    {
        if (hasWrite && value is null)
        {
            return space.Remove(key);
        }

        var existing = space.Get(key);
        if (hasWrite)
        {
            return space.Set(key, new VersionedValue(value!, metadata ?? existing?.Metadata ?? VersionedValue.NoMetadata, version));
        }

        return existing is null ? space : space.Set(key, existing with { Metadata = metadata!, Version = version });
    }
}
