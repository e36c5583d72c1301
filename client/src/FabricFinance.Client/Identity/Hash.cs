using System.Security.Cryptography;

namespace FabricFinance.Client.Identity;

/// <summary>Hash functions used to compute the digests that an <see cref="ISigner"/> signs.</summary>
/// <remarks>
/// Fabric verifies ECDSA signatures over the SHA-256 digest of the signed bytes, the client's default
/// (<see cref="GatewayOptions.Hash"/>). Use these helpers when a signature is produced away from the client,
/// for example to check a digest before sending it to a hardware security module.
/// </remarks>
public static class Hash
{
    /// <summary>Computes the SHA-256 digest of a message.</summary>
    /// <param name="message">The bytes to hash.</param>
    /// <returns>The 32-byte digest.</returns>
    public static byte[] Sha256(ReadOnlySpan<byte> message) => SHA256.HashData(message);

    /// <summary>Computes the SHA-384 digest of a message.</summary>
    /// <param name="message">The bytes to hash.</param>
    /// <returns>The 48-byte digest.</returns>
    public static byte[] Sha384(ReadOnlySpan<byte> message) => SHA384.HashData(message);

    /// <summary>Computes the digest of a message with the given algorithm.</summary>
    /// <param name="algorithm">The hash algorithm, for example <see cref="HashAlgorithmName.SHA256"/>.</param>
    /// <param name="message">The bytes to hash.</param>
    /// <returns>The digest.</returns>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> has no name, or is not supported on this platform.</exception>
    public static byte[] Compute(HashAlgorithmName algorithm, ReadOnlySpan<byte> message)
    {
        ArgumentException.ThrowIfNullOrEmpty(algorithm.Name, nameof(algorithm));
        try
        {
            return CryptographicOperations.HashData(algorithm, message);
        }
        catch (Exception ex) when (ex is CryptographicException or PlatformNotSupportedException or ArgumentException)
        {
            throw new ArgumentException($"The hash algorithm '{algorithm.Name}' is not supported.", nameof(algorithm), ex);
        }
    }
}
