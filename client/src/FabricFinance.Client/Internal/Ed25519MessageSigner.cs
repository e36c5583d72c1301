using FabricFinance.Client.Identity;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace FabricFinance.Client.Internal;

/// <summary>
/// Signs whole messages with an Ed25519 private key (RFC 8032, pure Ed25519: the scheme hashes internally, so the
/// gateway must be configured with <see cref="Hash.None"/>). The base class library has no Ed25519, so BouncyCastle
/// does the arithmetic.
/// </summary>
/// <remarks>A new BouncyCastle signer is used for each call, so concurrent calls share no state but the immutable key.</remarks>
internal sealed class Ed25519MessageSigner(Ed25519PrivateKeyParameters key) : ISigner, ISignatureScheme
{
    /// <summary>The length in bytes of an Ed25519 private key (its seed) and of its public key.</summary>
    public const int KeyLength = 32;

    public string SchemeName => "Ed25519";

    public bool SignsWholeMessage => true;

    /// <summary>Gets the raw 32-byte public key.</summary>
    public byte[] PublicKey => key.GeneratePublicKey().GetEncoded();

    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (digest.IsEmpty)
        {
            throw new ArgumentException("The message to sign is empty.", nameof(digest));
        }

        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, key);
        signer.BlockUpdate(digest.Span);
        return ValueTask.FromResult(signer.GenerateSignature());
    }
}
