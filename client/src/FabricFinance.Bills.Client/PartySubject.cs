using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FabricFinance.Chaincode.Identity;

namespace FabricFinance.Bills.Client;

/// <summary>
/// Renders a certificate's subject the way the bill contract matches a caller to a party
/// (<see cref="Party.Subject"/>, <see cref="PartyRegistration.Subject"/>): as Fabric's Go client identity library
/// renders it, most specific attribute first, for example
/// <c>CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US</c>.
/// </summary>
/// <remarks>
/// Go keeps nine attribute types and writes them in a fixed order whatever the certificate's own order:
/// <c>SERIALNUMBER, CN, OU, O, POSTALCODE, STREET, L, ST, C</c>; several values of one type are joined with <c>+</c>
/// (<c>OU=a+OU=b</c>), other attribute types are left out, and <c>, + " \ &lt; &gt; ;</c>, a leading space or <c>#</c>
/// and a trailing space are escaped with a backslash.
/// </remarks>
/// <example>
/// <code>
/// var subject = PartySubject.FromPem(File.ReadAllText(certificateFile));
/// await exchange.RegisterPartyAsync(new PartyRegistration("CoreCorp", PartyKind.Enterprise, "BankAMSP", "Core Corp", subject), ct);
/// </code>
/// </example>
public static class PartySubject
{
    /// <summary>Renders the subject of a certificate.</summary>
    /// <param name="certificate">The certificate of the identity that acts for the party.</param>
    /// <returns>The subject as the contract renders it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The subject is not valid DER or holds a value Go's parser rejects.</exception>
    public static string FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);

        // The very renderer the chaincode library uses for ClientIdentity (linked source), so the
        // two sides cannot drift apart.
        return GoX509Name.Parse(certificate.SubjectName.RawData).ToString();
    }

    /// <summary>Renders the subject of a PEM-encoded certificate.</summary>
    /// <param name="certificatePem">The certificate, PEM-encoded.</param>
    /// <returns>The subject as the contract renders it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificatePem"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The text holds no certificate, or its subject is not valid.</exception>
    public static string FromPem(string certificatePem)
    {
        ArgumentNullException.ThrowIfNull(certificatePem);
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            return FromCertificate(certificate);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException($"The text is not a PEM certificate: {ex.Message}", nameof(certificatePem), ex);
        }
    }
}
