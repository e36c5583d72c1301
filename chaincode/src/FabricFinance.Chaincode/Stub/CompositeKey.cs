using System.Text;
using FabricFinance.Chaincode.Stub;

namespace FabricFinance.Chaincode;

/// <summary>
/// Fabric's composite keys: an object type and attributes joined into one key that range queries
/// can select by prefix. A composite key is U+0000, then the object type and each attribute, each
/// followed by U+0000; the same bytes as the Go, Node and Java shims build.
/// </summary>
/// <remarks>
/// Object types and attributes must be valid UTF-16 (so that they are valid UTF-8 on the ledger)
/// and must not contain U+0000 (the separator) or U+10FFFF (the end of a partial-key range). The
/// object type may be empty, as in Fabric. Write composite keys with
/// <see cref="IChaincodeStub.PutStateAsync"/> like any other key; select them with
/// <see cref="IChaincodeStub.GetStateByPartialCompositeKeyAsync"/>.
/// </remarks>
public static class CompositeKey
{
    /// <summary>The first character of every composite key; simple keys may not start with it.</summary>
    public const char NamespacePrefix = '\u0000';

    /// <summary>Separates the components of a composite key.</summary>
    public const char Separator = '\u0000';

    /// <summary>
    /// The highest Unicode scalar value; a partial composite key followed by it ends the range of
    /// keys that start with the partial key.
    /// </summary>
    public const string MaxUnicodeRune = "\U0010FFFF";

    /// <summary>Builds a composite key.</summary>
    /// <param name="objectType">The object type; may be empty.</param>
    /// <param name="attributes">The attributes, in order; none is allowed.</param>
    /// <returns>The composite key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="objectType"/>, <paramref name="attributes"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A component is not valid UTF-16, or contains U+0000 or U+10FFFF.</exception>
    public static string Create(string objectType, params IReadOnlyList<string> attributes)
    {
        ArgumentNullException.ThrowIfNull(objectType);
        ArgumentNullException.ThrowIfNull(attributes);
        ValidateComponent(objectType, "The object type", nameof(objectType));
        var key = new StringBuilder(2 + objectType.Length);
        key.Append(NamespacePrefix).Append(objectType).Append(Separator);
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i] ?? throw new ArgumentNullException(nameof(attributes), $"The attribute at index {i} is null.");
            ValidateComponent(attribute, $"The attribute at index {i}", nameof(attributes));
            key.Append(attribute).Append(Separator);
        }

        return key.ToString();
    }

    /// <summary>Splits a composite key into its object type and attributes.</summary>
    /// <param name="compositeKey">A key built by <see cref="Create"/> (or another Fabric shim).</param>
    /// <returns>The object type and attributes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="compositeKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The key is not a composite key: it does not start and end with U+0000, or a component is invalid.</exception>
    public static CompositeKeyParts Split(string compositeKey)
    {
        ArgumentNullException.ThrowIfNull(compositeKey);
        if (compositeKey.Length < 2 || compositeKey[0] != NamespacePrefix || compositeKey[^1] != Separator)
        {
            throw new ArgumentException("A composite key starts with U+0000 and ends with U+0000 after its last component; this key does not.", nameof(compositeKey));
        }

        var components = compositeKey[1..^1].Split(Separator);
        for (var i = 0; i < components.Length; i++)
        {
            ValidateComponent(components[i], i == 0 ? "The object type" : $"The attribute at index {i - 1}", nameof(compositeKey));
        }

        return new CompositeKeyParts(components[0], components[1..]);
    }

    /// <summary>Tells whether a key is in the composite key namespace (starts with U+0000).</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when the key starts with U+0000.</returns>
    public static bool IsCompositeKey(string? key) => key is { Length: > 0 } && key[0] == NamespacePrefix;

    /// <summary>The range [start, end) holding every key that starts with the given partial composite key.</summary>
    internal static (string StartKey, string EndKey) PartialKeyRange(string objectType, IReadOnlyList<string> attributes)
    {
        var start = Create(objectType, attributes);
        return (start, start + MaxUnicodeRune);
    }

    private static void ValidateComponent(string component, string what, string parameterName)
    {
        var problem = KeyRules.FindInvalidUtf16(component);
        if (problem >= 0)
        {
            throw new ArgumentException($"{what} is not valid UTF-16 (a lone surrogate at position {problem}), so it cannot be stored as UTF-8.", parameterName);
        }

        var separator = component.IndexOf(Separator, StringComparison.Ordinal);
        if (separator >= 0)
        {
            throw new ArgumentException($"{what} contains U+0000 at position {separator}; U+0000 and U+10FFFF are reserved in composite keys.", parameterName);
        }

        var maxRune = component.IndexOf(MaxUnicodeRune, StringComparison.Ordinal);
        if (maxRune >= 0)
        {
            throw new ArgumentException($"{what} contains U+10FFFF at position {maxRune}; U+0000 and U+10FFFF are reserved in composite keys.", parameterName);
        }
    }
}
