namespace FabricFinance.Client.Identity;

/// <summary>
/// Signs messages, or their digests, on behalf of an <see cref="IIdentity"/>.
/// </summary>
/// <remarks>
/// <para>
/// The client hashes every message itself with <see cref="GatewayOptions.Hash"/> and hands the signer only the result,
/// so a signer can sit in a hardware security module or a remote key service. With <see cref="Hash.None"/> the "digest"
/// is the whole message, which is what signature schemes that hash internally, such as Ed25519, need.
/// </para>
/// <para>
/// Fabric peers accept ECDSA signatures in ASN.1 DER form with a low S value (s ≤ n/2); see
/// <see cref="Signers.NewPrivateKeySigner(System.Security.Cryptography.ECDsa)"/> and <see cref="Signers.NewPkcs11Signer"/>.
/// </para>
/// <para>Implementations must be safe to call from several threads at once.</para>
/// </remarks>
public interface ISigner
{
    /// <summary>Signs a digest.</summary>
    /// <param name="digest">
    /// The digest to sign, computed by the client with <see cref="GatewayOptions.Hash"/>; the whole message when that is
    /// <see cref="Hash.None"/>.
    /// </param>
    /// <param name="cancellationToken">A token that cancels the signing.</param>
    /// <returns>The signature in the form the identity's MSP verifies (DER-encoded, low-S ECDSA for X.509 identities).</returns>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is empty.</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key cannot sign the digest.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default);
}
