using System.Collections.Immutable;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// An immutable sorted map of keys to committed values, in LevelDB's key order: one namespace's public
/// state, or one private data collection. Snapshots are free: every change returns a new instance.
/// </summary>
internal sealed class KeySpace
{
    public static readonly KeySpace Empty = new(
        ImmutableSortedSet.Create<string>(KeyComparer.Instance),
        ImmutableDictionary.Create<string, VersionedValue>(StringComparer.Ordinal));

    private readonly ImmutableSortedSet<string> _keys;
    private readonly ImmutableDictionary<string, VersionedValue> _values;

    private KeySpace(ImmutableSortedSet<string> keys, ImmutableDictionary<string, VersionedValue> values)
    {
        _keys = keys;
        _values = values;
    }

    public int Count => _keys.Count;

    public VersionedValue? Get(string key) => _values.GetValueOrDefault(key);

    public KeySpace Set(string key, VersionedValue value) => new(_keys.Add(key), _values.SetItem(key, value));

    public KeySpace Remove(string key) => _values.ContainsKey(key) ? new(_keys.Remove(key), _values.Remove(key)) : this;

    /// <summary>The keys from <paramref name="startKey"/> (inclusive) up to <paramref name="endKey"/>; an empty end key means no end.</summary>
    public IEnumerable<KeyValuePair<string, VersionedValue>> Range(string startKey, string endKey, bool includeEndKey = false)
    {
        var index = _keys.IndexOf(startKey);
        if (index < 0)
        {
            index = ~index;
        }

        for (; index < _keys.Count; index++)
        {
            var key = _keys[index];
            if (endKey.Length > 0)
            {
                var order = KeyComparer.Instance.Compare(key, endKey);
                if (order > 0 || (order == 0 && !includeEndKey))
                {
                    yield break;
                }
            }

            yield return new KeyValuePair<string, VersionedValue>(key, _values[key]);
        }
    }
}
