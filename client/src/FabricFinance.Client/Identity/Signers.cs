using System.Formats.Asn1;
using System.Security.Cryptography;
using FabricFinance.Client.Internal;
using Org.BouncyCastle.Crypto.Parameters;

namespace FabricFinance.Client.Identity;

/// <summary>Creates <see cref="ISigner"/> instances from private keys: in memory (ECDSA, Ed25519) or in a PKCS#11 token.</summary>
/// <remarks>
/// Pair each signer with the matching <see cref="GatewayOptions.Hash"/>: ECDSA signers sign a digest (SHA-256 by default),
/// Ed25519 signers sign the whole message and need <see cref="Hash.None"/>. The gateway rejects a mismatch when it connects.
/// </remarks>
public static class Signers
{
    private const string Ed25519Oid = "1.3.101.112";

    /// <summary>
    /// Creates a signer that signs digests with an ECDSA private key, producing ASN.1 DER signatures with
    /// a low S value as Fabric requires.
    /// </summary>
    /// <param name="privateKey">
    /// A NIST P-256 or P-384 private key. The signer uses the instance without copying it: keep it alive, and do
    /// not dispose it, while the signer is in use.
    /// </param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="privateKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="privateKey"/> is on a curve other than P-256 or P-384.</exception>
    /// <remarks>A key that holds only a public key is accepted here; signing with it fails with a <see cref="CryptographicException"/>.</remarks>
    public static ISigner NewPrivateKeySigner(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        return new EcdsaSigner(privateKey);
    }

    /// <summary>
    /// Creates a signer from a PEM-encoded private key, such as the contents of a Fabric MSP <c>keystore</c> file: an
    /// ECDSA key (low-S DER signatures over a digest) or an Ed25519 key (signatures over the whole message).
    /// </summary>
    /// <param name="privateKeyPem">
    /// Text holding a PKCS#8 <c>PRIVATE KEY</c> PEM block for a NIST P-256, NIST P-384 or Ed25519 key, or a SEC 1
    /// <c>EC PRIVATE KEY</c> block. Encrypted keys are not accepted: decrypt with <c>ECDsa.ImportFromEncryptedPem</c>
    /// and call <see cref="NewPrivateKeySigner(ECDsa)"/>.
    /// </param>
    /// <returns>The signer. It holds the imported key for as long as it is reachable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="privateKeyPem"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="privateKeyPem"/> is empty, holds no private key, or holds a key other than P-256, P-384 or Ed25519.
    /// </exception>
    public static ISigner NewPrivateKeySigner(string privateKeyPem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);
        if (FindEd25519Pkcs8(privateKeyPem) is { } ed25519Pkcs8)
        {
            return NewEd25519FromPkcs8(ed25519Pkcs8, nameof(privateKeyPem));
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(privateKeyPem);

            // ImportFromPem also accepts a public key; a signer needs the private part.
            _ = key.ExportParameters(includePrivateParameters: true);
            return new EcdsaSigner(key);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new ArgumentException(
                "The text does not hold a PEM-encoded P-256, P-384 or Ed25519 private key ('PRIVATE KEY' or 'EC PRIVATE KEY'): " + ex.Message,
                nameof(privateKeyPem),
                ex);
        }
    }

    /// <summary>
    /// Creates a signer that signs whole messages with an Ed25519 private key (RFC 8032). Connect with
    /// <see cref="GatewayOptions.Hash"/> set to <see cref="Hash.None"/>: Ed25519 hashes internally.
    /// </summary>
    /// <param name="privateKey">The 32-byte private key (the seed that RFC 8032 calls the private key). It is copied.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentException"><paramref name="privateKey"/> is not 32 bytes long.</exception>
    /// <remarks>Fabric peers verify Ed25519 identities from Fabric v3.0 on; Fabric 2.5 MSPs accept ECDSA only.</remarks>
    public static ISigner NewEd25519Signer(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != Ed25519MessageSigner.KeyLength)
        {
            throw new ArgumentException(
                $"An Ed25519 private key is {Ed25519MessageSigner.KeyLength} bytes long, not {privateKey.Length}.",
                nameof(privateKey));
        }

        return new Ed25519MessageSigner(new Ed25519PrivateKeyParameters(privateKey));
    }

    /// <summary>
    /// Creates a signer whose ECDSA private key stays in a PKCS#11 token (a hardware security module, or SoftHSM): the
    /// token signs each digest and the client converts its raw <c>r ‖ s</c> output to the low-S DER form Fabric verifies.
    /// </summary>
    /// <param name="options">The PKCS#11 library, token, PIN and key to use.</param>
    /// <returns>
    /// The signer, holding an open, logged-in session. Dispose it when no gateway uses it any more; the library is unloaded
    /// when its last signer is disposed.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="options"/> names no library, token or PIN, or neither a key label nor a key identifier.
    /// </exception>
    /// <exception cref="Pkcs11SignerException">
    /// The library cannot be loaded, the token is not found, the PIN is refused, or no single P-256 or P-384 private key
    /// matches.
    /// </exception>
    public static Pkcs11Signer NewPkcs11Signer(Pkcs11SignerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Pkcs11Signer.Open(options);
    }

    /// <summary>Returns the DER of the first PKCS#8 <c>PRIVATE KEY</c> block holding an Ed25519 key, if any.</summary>
    private static byte[]? FindEd25519Pkcs8(string pem)
    {
        var remaining = pem.AsSpan();
        while (PemEncoding.TryFind(remaining, out var fields))
        {
            if (remaining[fields.Label].SequenceEqual("PRIVATE KEY"))
            {
                var der = Convert.FromBase64String(remaining[fields.Base64Data].ToString());
                if (string.Equals(ReadAlgorithmOid(der), Ed25519Oid, StringComparison.Ordinal))
                {
                    return der;
                }
            }

            remaining = remaining[fields.Location.End..];
        }

        return null;
    }

    /// <summary>Reads <c>PrivateKeyInfo.privateKeyAlgorithm.algorithm</c>; <see langword="null"/> when the DER is not PKCS#8.</summary>
    private static string? ReadAlgorithmOid(byte[] der)
    {
        try
        {
            var privateKeyInfo = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            _ = privateKeyInfo.ReadInteger();
            return privateKeyInfo.ReadSequence().ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>Reads the key out of an Ed25519 PKCS#8 structure (RFC 8410): an OCTET STRING wrapping the 32-byte key.</summary>
    private static Ed25519MessageSigner NewEd25519FromPkcs8(byte[] der, string paramName)
    {
        try
        {
            var privateKeyInfo = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            _ = privateKeyInfo.ReadInteger();
            _ = privateKeyInfo.ReadSequence();
            var curvePrivateKey = new AsnReader(privateKeyInfo.ReadOctetString(), AsnEncodingRules.DER).ReadOctetString();
            if (curvePrivateKey.Length != Ed25519MessageSigner.KeyLength)
            {
                throw new AsnContentException($"the key is {curvePrivateKey.Length} bytes long, not {Ed25519MessageSigner.KeyLength}");
            }

            return new Ed25519MessageSigner(new Ed25519PrivateKeyParameters(curvePrivateKey));
        }
        catch (AsnContentException ex)
        {
            throw new ArgumentException($"The PEM Ed25519 private key is malformed: {ex.Message}.", paramName, ex);
        }
    }
}
