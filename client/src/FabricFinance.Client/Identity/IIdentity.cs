namespace FabricFinance.Client.Identity;

/// <summary>
/// A client identity as a Fabric membership service provider (MSP) sees it: the MSP the identity
/// belongs to and the credentials that MSP validates.
/// </summary>
/// <remarks>
/// The client sends the identity as a serialized <c>msp.SerializedIdentity</c> (the transaction
/// "creator") in every proposal, commit status request and event request. Implementations must be
/// immutable: the gateway reads both members once, when it connects.
/// </remarks>
public interface IIdentity
{
    /// <summary>Gets the identifier of the MSP the identity belongs to, for example <c>Org1MSP</c>.</summary>
    string MspId { get; }

    /// <summary>
    /// Gets the credentials the MSP validates. For an X.509 identity these are the PEM-encoded bytes of
    /// the certificate.
    /// </summary>
    ReadOnlyMemory<byte> Credentials { get; }
}
