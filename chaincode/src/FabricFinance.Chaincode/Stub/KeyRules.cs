using System.Buffers;
using System.Text;

namespace FabricFinance.Chaincode.Stub;

/// <summary>
/// Fabric's rules for keys, values, collections, queries and chaincode-to-chaincode calls, checked
/// before a request reaches the peer. The in-memory stub of FabricFinance.Chaincode.Testing applies
/// the same rules (it sees these internals), so both refuse the same input with the same message.
/// </summary>
internal static class KeyRules
{
    /// <summary>
    /// A key read or written directly: not empty and valid UTF-16 (so valid UTF-8 on the wire).
    /// Composite keys (starting with U+0000) are allowed: they are written with PutState.
    /// </summary>
    public static void ValidateKey(string key, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(key, parameterName);
        ValidateUtf16(key, "The key", parameterName);
    }

    /// <summary>
    /// An end point of a range query: may be empty (an open end); otherwise valid UTF-16 and not in
    /// the composite key namespace, as Fabric's shims require of simple keys.
    /// </summary>
    public static void ValidateRangeKey(string key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (key.Length == 0)
        {
            return;
        }

        ValidateUtf16(key, "The key", parameterName);
        if (key[0] == CompositeKey.NamespacePrefix)
        {
            throw new ArgumentException("A simple key must not start with U+0000; that prefix is reserved for composite keys (use the partial composite key queries for those).", parameterName);
        }
    }

    /// <summary>A private data collection name: not empty.</summary>
    public static void ValidateCollection(string collection, string parameterName) =>
        ArgumentException.ThrowIfNullOrEmpty(collection, parameterName);

    /// <summary>Keys for a multiple-key read: a list of valid keys.</summary>
    public static void ValidateKeys(IReadOnlyList<string> keys, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(keys, parameterName);
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.IsNullOrEmpty(keys[i]))
            {
                throw new ArgumentException($"The key at index {i} is null or empty.", parameterName);
            }

            ValidateUtf16(keys[i], $"The key at index {i}", parameterName);
        }
    }

    /// <summary>Paging parameters: a positive page size and a bookmark (empty for the first page).</summary>
    public static void ValidatePaging(int pageSize, string bookmark)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentNullException.ThrowIfNull(bookmark);
    }

    /// <summary>A value to write: not empty (Fabric reads an empty value as a delete).</summary>
    public static void ValidateValue(string key, ReadOnlyMemory<byte> value, string deleteMethod)
    {
        if (value.IsEmpty)
        {
            throw new ArgumentException($"The value for key '{key}' is empty; Fabric treats an empty value as a delete, so use {deleteMethod}.", nameof(value));
        }
    }

    /// <summary>Text arguments of a chaincode-to-chaincode call, checked and encoded as UTF-8.</summary>
    public static ReadOnlyMemory<byte>[] EncodeArguments(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var encoded = new ReadOnlyMemory<byte>[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i] ?? throw new ArgumentException($"The argument at index {i} is null.", nameof(arguments));
            if (FindInvalidUtf16(argument) is var problem and >= 0)
            {
                throw new ArgumentException($"The argument at index {i} is not valid UTF-16 (a lone surrogate at position {problem}).", nameof(arguments));
            }

            encoded[i] = Encoding.UTF8.GetBytes(argument);
        }

        return encoded;
    }

    /// <summary>The target of a chaincode-to-chaincode call: a bare chaincode name and an optional channel.</summary>
    public static void ValidateInvokeTarget(string chaincodeName, IReadOnlyList<ReadOnlyMemory<byte>> arguments, string channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(chaincodeName);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(channel);
        if (chaincodeName.AsSpan().IndexOfAny('/', ':') >= 0)
        {
            throw new ArgumentException("The chaincode name must not contain '/' or ':'; the peer reads them as the channel and version separators. Pass the channel separately.", nameof(chaincodeName));
        }

        if (channel.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("The channel name must not contain '/'.", nameof(channel));
        }
    }

    /// <summary>Returns the index of the first lone surrogate, or -1 when the text is valid UTF-16.</summary>
    public static int FindInvalidUtf16(ReadOnlySpan<char> text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text[index..], out _, out var consumed) != OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    private static void ValidateUtf16(string text, string what, string parameterName)
    {
        var problem = FindInvalidUtf16(text);
        if (problem >= 0)
        {
            throw new ArgumentException($"{what} is not valid UTF-16 (a lone surrogate at position {problem}), so it cannot be sent as UTF-8.", parameterName);
        }
    }
}
