namespace FabricFinance.Client;

/// <summary>
/// A step of the transaction flow whose message must be signed by the client's identity before it is sent:
/// a <see cref="Proposal"/>, a <see cref="Transaction"/> or a <see cref="Commit"/>.
/// </summary>
/// <remarks>
/// Offline signing: serialize the step with <see cref="GetBytes"/> (to keep or move it), sign
/// <see cref="GetDigest"/> with the identity's key (for example in a hardware security module), then recreate the
/// signed step with <see cref="Gateway.NewSignedProposal"/>, <see cref="Gateway.NewSignedTransaction"/> or
/// <see cref="Gateway.NewSignedCommit"/>.
/// </remarks>
public interface ISignable
{
    /// <summary>Serializes the step, including its signature if it has one.</summary>
    /// <returns>The serialized step; a new array on every call.</returns>
    byte[] GetBytes();

    /// <summary>Computes the digest to sign, with the gateway's <see cref="GatewayOptions.Hash"/> algorithm.</summary>
    /// <returns>The digest; a new array on every call.</returns>
    byte[] GetDigest();
}
