using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Client;

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
    PeerProfile? Peer)
{
    /// <summary>
    /// The registration of an enterprise party that this identity alone acts for: its MSP, and the subject of its
    /// certificate as the contract renders it.
    /// </summary>
    /// <param name="partyId">The party id.</param>
    /// <param name="displayName">The party's display name.</param>
    /// <param name="cancellationToken">Stops reading the certificate.</param>
    /// <returns>The registration.</returns>
    /// <exception cref="NetworkSetupException">The certificate file cannot be read.</exception>
    public async Task<PartyRegistration> EnterpriseRegistrationAsync(string partyId, string displayName, CancellationToken cancellationToken)
    {
        string pem;
        try
        {
            pem = await File.ReadAllTextAsync(CertificateFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NetworkSetupException($"Cannot read the certificate of {Name} ({CertificateFile}): {ex.Message}", ex);
        }

        return new PartyRegistration(partyId, PartyKind.Enterprise, MspId, displayName, PartySubject.FromPem(pem));
    }
}
