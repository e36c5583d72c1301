using System.Security.Cryptography;

namespace FabricFinance.Client.Internal;

/// <summary>Computes Fabric transaction identifiers.</summary>
internal static class TransactionIds
{
    /// <summary>
    /// Computes a transaction id: the lowercase hex SHA-256 of nonce ‖ creator. Fabric recomputes it from the
    /// signature header and rejects a proposal whose id differs (always SHA-256, whatever the signing hash).
    /// </summary>
    public static string Compute(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(nonce);
        hash.AppendData(creator);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }
}
