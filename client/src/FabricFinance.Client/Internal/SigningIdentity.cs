using System.Security.Cryptography;
using FabricFinance.Client.Identity;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Msp;

namespace FabricFinance.Client.Internal;

/// <summary>The gateway's identity with the means to hash and sign for it.</summary>
internal sealed class SigningIdentity
{
    private readonly ISigner? _signer;

    public SigningIdentity(IIdentity identity, HashAlgorithmName hash, ISigner? signer)
    {
        Identity = identity;
        HashAlgorithm = hash;
        _signer = signer;
        Creator = new SerializedIdentity
        {
            Mspid = identity.MspId,
            IdBytes = ByteString.CopyFrom(identity.Credentials.Span),
        }.ToByteString();
    }

    public IIdentity Identity { get; }

    public HashAlgorithmName HashAlgorithm { get; }

    /// <summary>Gets the serialized <c>msp.SerializedIdentity</c> sent as the creator of every message.</summary>
    public ByteString Creator { get; }

    /// <summary>Computes the digest of a message with the gateway's hash algorithm.</summary>
    public byte[] ComputeDigest(ReadOnlySpan<byte> message) => Hash.Compute(HashAlgorithm, message);

    /// <summary>Hashes a message and signs the digest with the configured signer.</summary>
    /// <exception cref="InvalidOperationException">The gateway has no signer and the message was not signed offline.</exception>
    public async ValueTask<ByteString> SignAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (_signer is null)
        {
            throw new InvalidOperationException(
                "The message is not signed and the gateway has no signer. Set GatewayOptions.Signer, or sign offline: "
                + "sign GetDigest() and recreate the step with Gateway.NewSignedProposal, NewSignedTransaction or NewSignedCommit.");
        }

        var digest = ComputeDigest(message.Span);
        var signature = await _signer.SignAsync(digest, cancellationToken).ConfigureAwait(false);
        if (signature is null || signature.Length == 0)
        {
            throw new InvalidOperationException("The signer returned an empty signature.");
        }

        return ByteString.CopyFrom(signature);
    }
}
