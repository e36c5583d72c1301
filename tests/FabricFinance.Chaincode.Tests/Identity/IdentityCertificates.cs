using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Msp;

namespace FabricFinance.Chaincode.Tests.Identity;

/// <summary>
/// Mints client certificates with exactly the names a test needs: every attribute's string type and
/// the grouping into relative distinguished names are chosen by the test, as DER.
/// </summary>
internal static class IdentityCertificates
{
    public const string C = "2.5.4.6";
    public const string ST = "2.5.4.8";
    public const string L = "2.5.4.7";
    public const string Street = "2.5.4.9";
    public const string PostalCode = "2.5.4.17";
    public const string O = "2.5.4.10";
    public const string OU = "2.5.4.11";
    public const string CN = "2.5.4.3";
    public const string SerialNumber = "2.5.4.5";
    public const string Email = "1.2.840.113549.1.9.1";
    public const string DomainComponent = "0.9.2342.19200300.100.1.25";

    private static readonly DateTimeOffset NotBefore = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>One attribute: its type, how its value is encoded, and the value (or raw content bytes, written as they are).</summary>
    public sealed record Attribute(string Oid, string Value, UniversalTagNumber Tag = UniversalTagNumber.UTF8String, byte[]? RawContent = null);

    /// <summary>An RDN with one attribute.</summary>
    public static Attribute[] Rdn(string oid, string value, UniversalTagNumber tag = UniversalTagNumber.UTF8String) => [new(oid, value, tag)];

    /// <summary>An RDN with one attribute whose content bytes are written as they are, valid or not.</summary>
    public static Attribute[] RawRdn(string oid, UniversalTagNumber tag, byte[] content) => [new(oid, string.Empty, tag, content)];

    /// <summary>A name from its RDNs, in order; an RDN with several attributes is multi-valued.</summary>
    public static X500DistinguishedName Name(params Attribute[][] rdns)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            foreach (var rdn in rdns)
            {
                using (writer.PushSetOf())
                {
                    foreach (var attribute in rdn)
                    {
                        using (writer.PushSequence())
                        {
                            writer.WriteObjectIdentifier(attribute.Oid);
                            WriteValue(writer, attribute);
                        }
                    }
                }
            }
        }

        return new X500DistinguishedName(writer.Encode());
    }

    /// <summary>Writes the value with its tag; T61String and UniversalString are written as raw bytes.</summary>
    private static void WriteValue(AsnWriter writer, Attribute attribute)
    {
        if (attribute.RawContent is { } raw)
        {
            WriteRaw(writer, attribute.Tag, raw);
            return;
        }

        switch (attribute.Tag)
        {
            case UniversalTagNumber.T61String:
                WriteRaw(writer, attribute.Tag, Encoding.Latin1.GetBytes(attribute.Value));
                break;
            case UniversalTagNumber.UniversalString:
                WriteRaw(writer, attribute.Tag, new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(attribute.Value));
                break;
            default:
                writer.WriteCharacterString(attribute.Tag, attribute.Value);
                break;
        }
    }

    private static void WriteRaw(AsnWriter writer, UniversalTagNumber tag, byte[] content)
    {
        var raw = new AsnWriter(AsnEncodingRules.DER);
        raw.WriteOctetString(content);
        var encoded = raw.Encode();
        encoded[0] = (byte)tag; // same length encoding, only the universal tag differs
        writer.WriteEncodedValue(encoded);
    }

    /// <summary>The issuer of most test certificates.</summary>
    public static X500DistinguishedName TestCa { get; } = Name(
        Rdn(C, "US", UniversalTagNumber.PrintableString),
        Rdn(O, "banka.example.com"),
        Rdn(CN, "ca.banka.example.com"));

    /// <summary>Issues a certificate for <paramref name="subject"/>, optionally with Fabric CA attributes (raw JSON).</summary>
    public static X509Certificate2 Issue(X500DistinguishedName subject, X500DistinguishedName? issuer = null, string? attributesJson = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (attributesJson is not null)
        {
            request.CertificateExtensions.Add(new X509Extension(new Oid("1.2.3.4.5.6.7.8.1"), Encoding.UTF8.GetBytes(attributesJson), critical: false));
        }

        return request.Create(issuer ?? TestCa, X509SignatureGenerator.CreateForECDsa(key), NotBefore, NotAfter, [0x01, 0x02]);
    }

    /// <summary>The creator bytes a peer would hand over: an msp.SerializedIdentity with the PEM certificate.</summary>
    public static ByteString SerializedIdentity(string mspId, X509Certificate2 certificate) => new SerializedIdentity
    {
        Mspid = mspId,
        IdBytes = ByteString.CopyFromUtf8(certificate.ExportCertificatePem() + "\n"),
    }.ToByteString();

    /// <summary>Reads a PEM fixture from the Fixtures folder next to the test assembly.</summary>
    public static string Fixture(string fileName) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Identity", "Fixtures", fileName));
}
