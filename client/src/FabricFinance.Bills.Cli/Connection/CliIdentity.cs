namespace FabricFinance.Bills.Cli.Connection;

/// <summary>A name fabfin can act as: an MSP user, and the peer of that MSP its gateway talks to.</summary>
/// <param name="Name">The name given to <c>--as</c>.</param>
/// <param name="Role">What the name stands for, for <c>fabfin identities</c>.</param>
/// <param name="MspId">The identity's MSP.</param>
/// <param name="User">The cryptogen user (<c>Admin</c>, <c>User1</c>, ...).</param>
/// <param name="CertificateFile">The user's certificate (PEM).</param>
/// <param name="KeyFile">The user's private key (PEM).</param>
/// <param name="Peer">Its org's peer; <see langword="null"/> when the org runs none.</param>
internal sealed record CliIdentity(
    string Name,
    string Role,
    string MspId,
    string User,
    string CertificateFile,
    string KeyFile,
    PeerProfile? Peer);
