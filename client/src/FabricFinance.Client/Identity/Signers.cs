using System.Security.Cryptography;
using FabricFinance.Client.Internal;

namespace FabricFinance.Client.Identity;

/// <summary>Creates <see cref="ISigner"/> instances from private keys.</summary>
public static class Signers
{
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
    /// Creates a signer from a PEM-encoded ECDSA private key, such as the contents of a Fabric MSP <c>keystore</c> file.
    /// </summary>
    /// <param name="privateKeyPem">
    /// Text holding a PKCS#8 <c>PRIVATE KEY</c> or SEC 1 <c>EC PRIVATE KEY</c> PEM block for a NIST P-256 or P-384 key.
    /// Encrypted keys are not accepted: decrypt with <c>ECDsa.ImportFromEncryptedPem</c>
    /// and call <see cref="NewPrivateKeySigner(ECDsa)"/>.
    /// </param>
    /// <returns>The signer. It holds the imported key for as long as it is reachable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="privateKeyPem"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="privateKeyPem"/> is empty, holds no ECDSA private key, or holds a key on a curve other than P-256 or P-384.
    /// </exception>
    public static ISigner NewPrivateKeySigner(string privateKeyPem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);

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
                "The text does not hold a PEM-encoded P-256 or P-384 ECDSA private key ('PRIVATE KEY' or 'EC PRIVATE KEY'): " + ex.Message,
                nameof(privateKeyPem),
                ex);
        }
    }
}
