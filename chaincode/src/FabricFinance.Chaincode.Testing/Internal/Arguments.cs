using System.Buffers;
using System.Text;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>The argument checks the real stub makes before a request reaches the peer, with the same exceptions.</summary>
internal static class Arguments
{
    public static void Key(string key, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(key, parameterName);
        Utf16(key, "The key", parameterName);
    }

    public static void RangeKey(string key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (key.Length == 0)
        {
            return;
        }

        Utf16(key, "The key", parameterName);
        if (key[0] == CompositeKey.NamespacePrefix)
        {
            throw new ArgumentException("A simple key must not start with U+0000; that prefix is reserved for composite keys (use the partial composite key queries for those).", parameterName);
        }
    }

    public static void Collection(string collection, string parameterName) =>
        ArgumentException.ThrowIfNullOrEmpty(collection, parameterName);

    public static void Keys(IReadOnlyList<string> keys, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(keys, parameterName);
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.IsNullOrEmpty(keys[i]))
            {
                throw new ArgumentException($"The key at index {i} is null or empty.", parameterName);
            }

            Utf16(keys[i], $"The key at index {i}", parameterName);
        }
    }

    public static void Paging(int pageSize, string bookmark)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentNullException.ThrowIfNull(bookmark);
    }

    public static void Value(string key, ReadOnlyMemory<byte> value, string deleteMethod)
    {
        if (value.IsEmpty)
        {
            throw new ArgumentException($"The value for key '{key}' is empty; Fabric treats an empty value as a delete, so use {deleteMethod}.", nameof(value));
        }
    }

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

    public static void Utf16(string text, string what, string parameterName)
    {
        var problem = FindInvalidUtf16(text);
        if (problem >= 0)
        {
            throw new ArgumentException($"{what} is not valid UTF-16 (a lone surrogate at position {problem}), so it cannot be sent as UTF-8.", parameterName);
        }
    }
}
