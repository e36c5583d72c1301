using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FabricFinance.Client.Identity;

/// <summary>
/// An identity backed by an X.509 certificate issued by a certificate authority of a Fabric MSP.
/// </summary>
/// <remarks>
/// The credentials are the certificate PEM-encoded (<c>-----BEGIN CERTIFICATE-----</c>, base64 lines of
/// 64 characters, a trailing newline), which is the form Fabric's X.509 MSP deserializes. Only the
/// public certificate is held; the private key belongs to an <see cref="ISigner"/>.
/// </remarks>
public sealed class X509Identity : IIdentity
{
    private readonly byte[] _credentials;

    /// <summary>Initializes a new identity from a certificate.</summary>
    /// <param name="mspId">The identifier of the MSP that issued the certificate, for example <c>Org1MSP</c>.</param>
    /// <param name="certificate">The identity's certificate. Only its public part is read; the instance is not kept.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mspId"/> or <paramref name="certificate"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="mspId"/> is empty or only white space.</exception>
    public X509Identity(string mspId, X509Certificate2 certificate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mspId);
        ArgumentNullException.ThrowIfNull(certificate);

        MspId = mspId;
        _credentials = Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n");
    }

    /// <summary>Gets the identifier of the MSP the identity belongs to.</summary>
    public string MspId { get; }

    /// <summary>Gets the PEM-encoded certificate, as ASCII bytes.</summary>
    public ReadOnlyMemory<byte> Credentials => _credentials;

    /// <summary>Creates an identity from a PEM-encoded certificate, such as the contents of a Fabric MSP <c>signcerts</c> file.</summary>
    /// <param name="mspId">The identifier of the MSP that issued the certificate, for example <c>Org1MSP</c>.</param>
    /// <param name="certificatePem">
    /// Text holding a <c>CERTIFICATE</c> PEM block. The first certificate is used and re-encoded in the canonical
    /// PEM form, so white space and surrounding text do not change the credentials.
    /// </param>
    /// <returns>The identity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="mspId"/> or <paramref name="certificatePem"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="mspId"/> is empty or only white space, or <paramref name="certificatePem"/> holds no valid certificate.
    /// </exception>
    public static X509Identity FromPem(string mspId, string certificatePem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mspId);
        ArgumentException.ThrowIfNullOrWhiteSpace(certificatePem);

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("The text does not hold a valid PEM-encoded X.509 certificate.", nameof(certificatePem), ex);
        }

        using (certificate)
        {
            return new X509Identity(mspId, certificate);
        }
    }
}
