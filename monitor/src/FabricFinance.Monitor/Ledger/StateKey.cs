namespace FabricFinance.Monitor.Ledger;

/// <summary>
/// A key of the bill contract's state, read back: a composite key is U+0000, the object type, then each attribute,
/// each followed by U+0000 (the contract's <c>StateKeys</c>). Records are <c>party/{id}</c>, <c>bill/{id}</c> and
/// <c>deal/{id}</c>; a deal's terms sit in a <c>terms_*</c> collection under the plain deal id.
/// </summary>
/// <param name="ObjectType">The composite key's object type, e.g. <c>bill</c>; empty for a plain key.</param>
/// <param name="Attributes">The attributes; for a plain key, the key itself.</param>
public sealed record StateKey(string ObjectType, IReadOnlyList<string> Attributes)
{
    /// <summary>The object type of a party record.</summary>
    public const string Party = "party";

    /// <summary>The object type of a bill record.</summary>
    public const string Bill = "bill";

    /// <summary>The object type of a deal record.</summary>
    public const string Deal = "deal";

    private const char Separator = '\u0000';

    /// <summary>Reads a key.</summary>
    /// <param name="key">The key as written.</param>
    /// <returns>Its parts; a key that is not a well-formed composite key is a plain key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public static StateKey Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 2 || key[0] != Separator || key[^1] != Separator)
        {
            return new StateKey(string.Empty, [key]);
        }

        var parts = key[1..^1].Split(Separator);
        return new StateKey(parts[0], parts[1..]);
    }

    /// <summary>Gets the record id when this is the key of a record of <paramref name="objectType"/>.</summary>
    /// <param name="objectType">The record type, e.g. <see cref="Bill"/>.</param>
    /// <param name="id">The record id.</param>
    /// <returns>True for a key of that record type with one attribute.</returns>
    public bool TryGetRecordId(string objectType, out string id)
    {
        if (ObjectType == objectType && Attributes.Count == 1)
        {
            id = Attributes[0];
            return true;
        }

        id = string.Empty;
        return false;
    }
}
