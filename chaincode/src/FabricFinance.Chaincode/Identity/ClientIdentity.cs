using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using FabricFinance.Chaincode.Identity;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Msp;

namespace FabricFinance.Chaincode;

/// <summary>
/// The client that signed a transaction's proposal, read from its creator (an <c>msp.SerializedIdentity</c>
/// holding an MSP id and a PEM certificate): the MSP id, the certificate, the id Fabric's Go
/// <c>cid</c> package gives it, the Fabric CA attributes and the node OU roles.
/// </summary>
/// <remarks>
/// <para>
/// A stub exposes the transaction's client as <see cref="IChaincodeStub.ClientIdentity"/>, read on
/// first use (from the shim's cache when the same creator was read before). Test doubles and code holding only the creator bytes use
/// <see cref="FromSerializedIdentity"/>, or <see cref="Create"/> with a certificate.
/// </para>
/// <para>
/// The node OU checks (<see cref="IsClient"/> and the others) look for the OU values
/// <c>client</c>, <c>peer</c>, <c>admin</c> and <c>orderer</c>, which cryptogen and Fabric CA use and
/// which an MSP's <c>config.yaml</c> names by default. An MSP configured with other identifiers needs
/// <see cref="HasOrganizationalUnit"/>. The shim does not verify the certificate: the peer already
/// checked the proposal's signature against the channel's MSPs before the chaincode ran.
/// Idemix identities are not supported.
/// </para>
/// </remarks>
public sealed class ClientIdentity
{
    /// <summary>The node OU value of client identities.</summary>
    public const string ClientOrganizationalUnit = "client";

    /// <summary>The node OU value of peer identities.</summary>
    public const string PeerOrganizationalUnit = "peer";

    /// <summary>The node OU value of administrator identities.</summary>
    public const string AdminOrganizationalUnit = "admin";

    /// <summary>The node OU value of orderer identities.</summary>
    public const string OrdererOrganizationalUnit = "orderer";

    private readonly ReadOnlyDictionary<string, string> _attributes;
    private readonly byte[] _certificateDer;
    private X509Certificate2? _certificate;
    private object? _certificateLock;

    private ClientIdentity(string mspId, X509Certificate2 certificate)
    {
        MspId = mspId;
        _certificate = certificate;
        _certificateDer = certificate.RawData;
        var subject = GoX509Name.Parse(certificate.SubjectName.RawData);
        Subject = subject.ToString();
        Issuer = GoX509Name.Parse(certificate.IssuerName.RawData).ToString();
        // Read-only views: copies for other transactions share them (CopyForTransaction).
        OrganizationalUnits = Array.AsReadOnly([.. subject.OrganizationalUnits]);
        Id = $"x509::{Subject}::{Issuer}";
        _attributes = new ReadOnlyDictionary<string, string>(CertificateAttributes.Read(certificate));
    }

    /// <summary>A copy that shares everything read from the certificate but loads its own certificate object on first use.</summary>
    private ClientIdentity(ClientIdentity original)
    {
        MspId = original.MspId;
        _certificateDer = original._certificateDer;
        Subject = original.Subject;
        Issuer = original.Issuer;
        OrganizationalUnits = original.OrganizationalUnits;
        Id = original.Id;
        _attributes = original._attributes;
    }

    /// <summary>Gets the MSP id of the client's organization.</summary>
    public string MspId { get; }

    /// <summary>Gets the client's certificate (public part only).</summary>
    /// <remarks>
    /// A stub's identity loads this object on first use, so a contract that never asks for it does not pay
    /// for it. Each transaction gets its own object: disposing it affects no other transaction.
    /// </remarks>
    public X509Certificate2 Certificate =>
        LazyInitializer.EnsureInitialized(ref _certificate, ref _certificateLock, () => X509CertificateLoader.LoadCertificate(_certificateDer));

    /// <summary>
    /// Gets the certificate's subject as Fabric's Go <c>cid</c> package renders it: the attribute
    /// types Go keeps, most specific first, values of one type joined with '+', for example
    /// <c>CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US</c>.
    /// </summary>
    public string Subject { get; }

    /// <summary>Gets the certificate's issuer, rendered like <see cref="Subject"/>.</summary>
    public string Issuer { get; }

    /// <summary>
    /// Gets the client's id, unique within its MSP and stable across certificate renewals:
    /// <c>x509::&lt;subject&gt;::&lt;issuer&gt;</c>. The Go <c>cid.GetID</c> and the Go contract API
    /// return this text base64-encoded (<see cref="Base64Id"/>).
    /// </summary>
    public string Id { get; }

    /// <summary>Gets <see cref="Id"/> as UTF-8, base64-encoded: exactly what Go's <c>cid.GetID</c> returns.</summary>
    public string Base64Id => Convert.ToBase64String(Encoding.UTF8.GetBytes(Id));

    /// <summary>Gets the organizational unit (OU) values of the subject, in certificate order.</summary>
    public IReadOnlyList<string> OrganizationalUnits { get; }

    /// <summary>Gets the Fabric CA attributes (extension 1.2.3.4.5.6.7.8.1), sorted by name; empty when there are none.</summary>
    public IReadOnlyDictionary<string, string> Attributes => _attributes;

    /// <summary>Gets a value indicating whether the subject has the node OU <c>client</c>.</summary>
    public bool IsClient => HasOrganizationalUnit(ClientOrganizationalUnit);

    /// <summary>Gets a value indicating whether the subject has the node OU <c>peer</c>.</summary>
    public bool IsPeer => HasOrganizationalUnit(PeerOrganizationalUnit);

    /// <summary>Gets a value indicating whether the subject has the node OU <c>admin</c>.</summary>
    public bool IsAdmin => HasOrganizationalUnit(AdminOrganizationalUnit);

    /// <summary>Gets a value indicating whether the subject has the node OU <c>orderer</c>.</summary>
    public bool IsOrderer => HasOrganizationalUnit(OrdererOrganizationalUnit);

    /// <summary>Reads a creator: an <c>msp.SerializedIdentity</c> whose identity bytes are a PEM certificate.</summary>
    /// <param name="serializedIdentity">The creator bytes, as <see cref="IChaincodeStub.Creator"/> holds them.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="ArgumentException">
    /// The bytes are not a <c>SerializedIdentity</c>, it names no MSP, its identity is not a PEM
    /// certificate, or the certificate's names or attribute extension cannot be read.
    /// </exception>
    public static ClientIdentity FromSerializedIdentity(ReadOnlySpan<byte> serializedIdentity)
    {
        SerializedIdentity identity;
        try
        {
            identity = SerializedIdentity.Parser.ParseFrom(serializedIdentity);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ArgumentException($"The bytes are not a SerializedIdentity: {ex.Message}", nameof(serializedIdentity), ex);
        }

        if (string.IsNullOrEmpty(identity.Mspid))
        {
            throw new ArgumentException("The serialized identity names no MSP.", nameof(serializedIdentity));
        }

        var pem = Encoding.UTF8.GetString(identity.IdBytes.Span);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new ArgumentException("The identity is not a PEM certificate (Idemix identities are not supported).", nameof(serializedIdentity));
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pem[fields.Base64Data]));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            throw new ArgumentException($"The identity's PEM block is not an X.509 certificate: {ex.Message}", nameof(serializedIdentity), ex);
        }

        return Create(identity.Mspid, certificate);
    }

    /// <summary>Builds an identity from an MSP id and a certificate (for tests and test doubles).</summary>
    /// <param name="mspId">The MSP id; not empty.</param>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="ArgumentException"><paramref name="mspId"/> is empty, or the certificate's names or attribute extension cannot be read.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is <see langword="null"/>.</exception>
    public static ClientIdentity Create(string mspId, X509Certificate2 certificate)
    {
        ArgumentException.ThrowIfNullOrEmpty(mspId);
        ArgumentNullException.ThrowIfNull(certificate);
        return new ClientIdentity(mspId, certificate);
    }

    /// <summary>
    /// A copy for another transaction of the same creator: the names, roles and attributes are shared
    /// (they never change), the certificate object is not (see <see cref="Certificate"/>).
    /// </summary>
    internal ClientIdentity CopyForTransaction() => new(this);

    /// <summary>Tells whether the subject has an organizational unit with this exact (case-sensitive) value.</summary>
    /// <param name="organizationalUnit">The OU value.</param>
    /// <returns><see langword="true"/> when one of the subject's OUs equals it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="organizationalUnit"/> is <see langword="null"/>.</exception>
    public bool HasOrganizationalUnit(string organizationalUnit)
    {
        ArgumentNullException.ThrowIfNull(organizationalUnit);
        return OrganizationalUnits.Contains(organizationalUnit, StringComparer.Ordinal);
    }

    /// <summary>Gets a Fabric CA attribute's value.</summary>
    /// <param name="name">The attribute name.</param>
    /// <returns>The value, or <see langword="null"/> when the certificate has no such attribute.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public string? GetAttributeValue(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _attributes.GetValueOrDefault(name);
    }

    /// <summary>Gets a Fabric CA attribute's value, telling whether it exists.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The value when it exists.</param>
    /// <returns><see langword="true"/> when the certificate has the attribute.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool TryGetAttributeValue(string name, [NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _attributes.TryGetValue(name, out value);
    }

    /// <summary>Checks that a Fabric CA attribute has the expected value (an access check for contracts).</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="expectedValue">The value it must have (ordinal comparison).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="expectedValue"/> is <see langword="null"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">The attribute is missing or has another value; the message says which.</exception>
    public void AssertAttributeValue(string name, string expectedValue)
    {
        ArgumentNullException.ThrowIfNull(expectedValue);
        if (!TryGetAttributeValue(name, out var actual))
        {
            throw new UnauthorizedAccessException($"The client {Id} of {MspId} has no attribute '{name}'.");
        }

        if (!string.Equals(actual, expectedValue, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException($"The client's attribute '{name}' is '{actual}', not '{expectedValue}'.");
        }
    }
}
