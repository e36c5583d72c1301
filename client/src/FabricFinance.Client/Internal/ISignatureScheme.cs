namespace FabricFinance.Client.Internal;

/// <summary>
/// Implemented by the client's own signers, so that <see cref="Gateway.Connect(Grpc.Core.CallInvoker, Identity.IIdentity, GatewayOptions?)"/>
/// can reject a hash that the signer's scheme cannot be verified with. Custom <see cref="Identity.ISigner"/>
/// implementations are not checked.
/// </summary>
internal interface ISignatureScheme
{
    /// <summary>Gets the scheme's name for error messages, for example <c>ECDSA P-256</c>.</summary>
    string SchemeName { get; }

    /// <summary>
    /// Gets a value indicating whether the scheme signs whole messages (Ed25519, so the hash must be
    /// <see cref="Identity.Hash.None"/>) rather than fixed-size digests (ECDSA, so it must not be).
    /// </summary>
    bool SignsWholeMessage { get; }
}
