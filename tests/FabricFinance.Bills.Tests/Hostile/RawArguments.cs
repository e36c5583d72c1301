using System.Text;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>
/// Carries arguments that are not text (invalid UTF-8, say) through the in-memory ledger, whose
/// calls take strings: <see cref="Encode"/> wraps the bytes in a marked string, and
/// <see cref="RawArgumentsChaincode"/> hands the chaincode the bytes again.
/// </summary>
internal static class RawArguments
{
    /// <summary>The marker: a NUL no real argument of these tests starts with, then <c>raw:</c>, then base64.</summary>
    private const string Marker = "\0raw:";

    private static readonly byte[] MarkerBytes = Encoding.UTF8.GetBytes(Marker);

    /// <summary>A string argument that reaches the chaincode as exactly <paramref name="bytes"/>.</summary>
    public static string Encode(byte[] bytes) => Marker + Convert.ToBase64String(bytes);

    /// <summary>The bytes the chaincode sees for an argument as the ledger encoded it.</summary>
    public static ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> argument) =>
        argument.Span.StartsWith(MarkerBytes)
            ? Convert.FromBase64String(Encoding.UTF8.GetString(argument.Span[MarkerBytes.Length..]))
            : argument;

    /// <summary>Gets a value indicating whether an argument as the generator wrote it is marked raw.</summary>
    public static bool IsRaw(string argument) => argument.StartsWith(Marker, StringComparison.Ordinal);
}
