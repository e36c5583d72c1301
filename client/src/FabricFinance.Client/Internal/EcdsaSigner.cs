using System.Security.Cryptography;
using FabricFinance.Client.Identity;

namespace FabricFinance.Client.Internal;

/// <summary>Signs digests with an ECDSA key, producing the DER, low-S signatures Fabric verifies.</summary>
/// <remarks>
/// The platform's ECDSA signing is safe to call concurrently on one key, so the signer takes no lock.
/// </remarks>
internal sealed class EcdsaSigner : ISigner, ISignatureScheme
{
    private readonly ECDsa _key;

    public EcdsaSigner(ECDsa key)
    {
        Curve = EcdsaCurve.Of(key, nameof(key));
        _key = key;
    }

    /// <summary>Gets the key's curve.</summary>
    public EcdsaCurve Curve { get; }

    public string SchemeName => $"ECDSA {Curve.Name}";

    public bool SignsWholeMessage => false;

    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Sign(digest.Span));
    }

    /// <summary>Signs a digest: ECDSA in IEEE P1363 form from the platform, then low-S and DER.</summary>
    /// <exception cref="ArgumentException">The digest is empty.</exception>
    /// <exception cref="CryptographicException">The key cannot sign, for example because it holds only a public key.</exception>
    public byte[] Sign(ReadOnlySpan<byte> digest)
    {
        if (digest.IsEmpty)
        {
            throw new ArgumentException("The digest to sign is empty.", nameof(digest));
        }

        Span<byte> p1363 = stackalloc byte[2 * Curve.FieldSizeBytes];
        if (!_key.TrySignHash(digest, p1363, DSASignatureFormat.IeeeP1363FixedFieldConcatenation, out var written)
            || written != p1363.Length)
        {
            throw new CryptographicException($"The {Curve.Name} key produced a signature of unexpected length.");
        }

        return EcdsaSignatures.ToLowSDer(p1363, Curve);
    }
}
