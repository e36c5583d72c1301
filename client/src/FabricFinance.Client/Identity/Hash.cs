using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace FabricFinance.Client.Identity;

/// <summary>
/// The hash functions that turn a signed message into the digest an <see cref="ISigner"/> signs, as named by
/// <see cref="GatewayOptions.Hash"/>.
/// </summary>
/// <remarks>
/// <para>
/// Five choices are supported: <see cref="HashAlgorithmName.SHA256"/> (the default, which Fabric's X.509 MSP uses to
/// verify ECDSA signatures), <see cref="HashAlgorithmName.SHA384"/>, <see cref="HashAlgorithmName.SHA3_256"/>,
/// <see cref="HashAlgorithmName.SHA3_384"/> and <see cref="None"/>, which passes the whole message to the signer, as an
/// Ed25519 signer requires. Names are matched without regard to case.
/// </para>
/// <para>
/// SHA-3 comes from the platform (OpenSSL 1.1.1 or later on Linux) where <see cref="SHA3_256.IsSupported"/>, and from
/// BouncyCastle elsewhere, so it works on every platform the client runs on.
/// </para>
/// </remarks>
public static class Hash
{
    /// <summary>
    /// Gets the name of the "no hash" choice: the digest is the message itself. Use it with signers that hash internally,
    /// such as Ed25519 (<see cref="Signers.NewEd25519Signer"/>).
    /// </summary>
    public static HashAlgorithmName None { get; } = new("NONE");

    /// <summary>Computes the SHA-256 digest of a message.</summary>
    /// <param name="message">The bytes to hash.</param>
    /// <returns>The 32-byte digest.</returns>
    public static byte[] Sha256(ReadOnlySpan<byte> message) => SHA256.HashData(message);

    /// <summary>Computes the SHA-384 digest of a message.</summary>
    /// <param name="message">The bytes to hash.</param>
    /// <returns>The 48-byte digest.</returns>
    public static byte[] Sha384(ReadOnlySpan<byte> message) => SHA384.HashData(message);

    /// <summary>Computes the digest of a message with one of the supported algorithms.</summary>
    /// <param name="algorithm">
    /// <see cref="HashAlgorithmName.SHA256"/>, <see cref="HashAlgorithmName.SHA384"/>, <see cref="HashAlgorithmName.SHA3_256"/>,
    /// <see cref="HashAlgorithmName.SHA3_384"/> or <see cref="None"/>.
    /// </param>
    /// <param name="message">The bytes to hash.</param>
    /// <returns>The digest; for <see cref="None"/>, a copy of <paramref name="message"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="algorithm"/> has no name, or is not one of the supported algorithms.</exception>
    public static byte[] Compute(HashAlgorithmName algorithm, ReadOnlySpan<byte> message) => Resolve(algorithm, nameof(algorithm)) switch
    {
        DigestAlgorithm.Sha256 => SHA256.HashData(message),
        DigestAlgorithm.Sha384 => SHA384.HashData(message),
        DigestAlgorithm.Sha3With256 => SHA3_256.IsSupported ? SHA3_256.HashData(message) : BouncyCastleSha3(256, message),
        DigestAlgorithm.Sha3With384 => SHA3_384.IsSupported ? SHA3_384.HashData(message) : BouncyCastleSha3(384, message),
        _ => message.ToArray(),
    };

    /// <summary>Tells whether the algorithm is <see cref="None"/>: the signer receives whole messages.</summary>
    internal static bool IsNone(HashAlgorithmName algorithm) =>
        string.Equals(algorithm.Name, None.Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a name such as <c>SHA256</c>, <c>SHA-384</c>, <c>SHA3-256</c>, <c>SHA3_384</c> or <c>NONE</c>.</summary>
    /// <exception cref="ArgumentException">The name is not one of the supported algorithms.</exception>
    internal static HashAlgorithmName Parse(string name, string paramName) =>
        Resolve(new HashAlgorithmName(name.Trim()), paramName) switch
        {
            DigestAlgorithm.Sha256 => HashAlgorithmName.SHA256,
            DigestAlgorithm.Sha384 => HashAlgorithmName.SHA384,
            DigestAlgorithm.Sha3With256 => HashAlgorithmName.SHA3_256,
            DigestAlgorithm.Sha3With384 => HashAlgorithmName.SHA3_384,
            _ => None,
        };

    /// <summary>Checks that the algorithm is supported.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    internal static void Validate(HashAlgorithmName algorithm, string paramName) => _ = Resolve(algorithm, paramName);

    private static DigestAlgorithm Resolve(HashAlgorithmName algorithm, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(algorithm.Name, paramName);
        var name = algorithm.Name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return name.ToUpperInvariant() switch
        {
            "SHA256" => DigestAlgorithm.Sha256,
            "SHA384" => DigestAlgorithm.Sha384,
            "SHA3256" => DigestAlgorithm.Sha3With256,
            "SHA3384" => DigestAlgorithm.Sha3With384,
            "NONE" => DigestAlgorithm.None,
            _ => throw new ArgumentException(
                $"The hash algorithm '{algorithm.Name}' is not supported; use SHA256, SHA384, SHA3-256, SHA3-384 or NONE.",
                paramName),
        };
    }

    internal static byte[] BouncyCastleSha3(int bits, ReadOnlySpan<byte> message)
    {
        var digest = new Sha3Digest(bits);
        digest.BlockUpdate(message);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }

    private enum DigestAlgorithm
    {
        Sha256,
        Sha384,
        Sha3With256,
        Sha3With384,
        None,
    }
}
