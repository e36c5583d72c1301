using System.Security.Cryptography.X509Certificates;
using System.Text;
using FabricFinance.Chaincode.Identity;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Msp;
using static FabricFinance.Chaincode.Tests.Identity.IdentityCertificates;

namespace FabricFinance.Chaincode.Tests.Identity;

[TestFixture]
public sealed class ClientIdentityTests
{
    private const string CryptogenUser1Id =
        "x509::CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US::CN=ca.banka.example.com,O=banka.example.com,L=San Francisco,ST=California,C=US";

    private static ClientIdentity FromFixture(string fileName, string mspId = "BankAMSP") =>
        ClientIdentity.FromSerializedIdentity(new SerializedIdentity { Mspid = mspId, IdBytes = ByteString.CopyFromUtf8(Fixture(fileName)) }.ToByteArray());

    [Test]
    public void FromSerializedIdentity_CryptogenUser_HasGoCidIdAndBase64Id()
    {
        // Arrange: a real cryptogen user certificate; the ids below are what Go's cid package returns for it.
        const string goBase64Id =
            "eDUwOTo6Q049VXNlcjFAYmFua2EuZXhhbXBsZS5jb20sT1U9Y2xpZW50LEw9U2FuIEZyYW5jaXNjbyxTVD1DYWxpZm9ybmlhLEM9VVM6OkNOPWNhLmJhbmthLmV4YW1wbGUuY29tLE89YmFua2EuZXhhbXBsZS5jb20sTD1TYW4gRnJhbmNpc2NvLFNUPUNhbGlmb3JuaWEsQz1VUw==";

        // Act
        var identity = FromFixture("User1@banka.example.com-cert.pem");

        // Assert
        Assert.That(identity.MspId, Is.EqualTo("BankAMSP"));
        Assert.That(identity.Subject, Is.EqualTo("CN=User1@banka.example.com,OU=client,L=San Francisco,ST=California,C=US"));
        Assert.That(identity.Issuer, Is.EqualTo("CN=ca.banka.example.com,O=banka.example.com,L=San Francisco,ST=California,C=US"));
        Assert.That(identity.Id, Is.EqualTo(CryptogenUser1Id));
        Assert.That(identity.Base64Id, Is.EqualTo(goBase64Id));
        Assert.That(identity.Certificate.Subject, Does.Contain("User1@banka.example.com"));
        Assert.That(identity.OrganizationalUnits, Is.EqualTo(new[] { "client" }));
        Assert.That(identity.Attributes, Is.Empty);
    }

    [TestCase("User1@banka.example.com-cert.pem", true, false, false, false)]
    [TestCase("Admin@banka.example.com-cert.pem", false, false, true, false)]
    [TestCase("peer0.banka.example.com-cert.pem", false, true, false, false)]
    [TestCase("orderer.example.com-cert.pem", false, false, false, true)]
    public void FromSerializedIdentity_CryptogenNodeOuCertificates_ReportTheirRole(string fixture, bool client, bool peer, bool admin, bool orderer)
    {
        // Act
        var identity = FromFixture(fixture);

        // Assert
        Assert.That((identity.IsClient, identity.IsPeer, identity.IsAdmin, identity.IsOrderer), Is.EqualTo((client, peer, admin, orderer)));
    }

    [TestCaseSource(typeof(GoNameCases), nameof(GoNameCases.Rendered))]
    public void Create_MintedCertificate_SubjectRenderedAsGoCidDoes(X500DistinguishedName subject, string expected)
    {
        // Arrange
        using var certificate = Issue(subject);

        // Act
        var identity = ClientIdentity.Create("BankAMSP", certificate);

        // Assert
        Assert.That(identity.Subject, Is.EqualTo(expected));
        Assert.That(identity.Issuer, Is.EqualTo(GoNameCases.TestCaRendered));
        Assert.That(identity.Id, Is.EqualTo($"x509::{expected}::{GoNameCases.TestCaRendered}"));
        Assert.That(Encoding.UTF8.GetString(Convert.FromBase64String(identity.Base64Id)), Is.EqualTo(identity.Id));
    }

    [TestCaseSource(typeof(GoNameCases), nameof(GoNameCases.Rejected))]
    public void Parse_NameGoCannotRead_ThrowsArgumentException(X500DistinguishedName name)
    {
        // Act & Assert
        Assert.That(() => GoX509Name.Parse(name.RawData), Throws.ArgumentException);
    }

    [Test]
    public void FromSerializedIdentity_SubjectWithUniversalString_ThrowsArgumentException()
    {
        // Arrange: .NET can load this certificate, Go's x509 parser cannot.
        using var certificate = Issue(Name(Rdn(CN, "wide", System.Formats.Asn1.UniversalTagNumber.UniversalString)));
        var creator = SerializedIdentity("BankAMSP", certificate);

        // Act & Assert
        Assert.That(() => ClientIdentity.FromSerializedIdentity(creator.Span), Throws.ArgumentException.With.Message.Contains("UniversalString"));
    }

    [Test]
    public void FromSerializedIdentity_SeveralOus_KeepsCertificateOrderAndMatchesExactly()
    {
        // Arrange
        using var certificate = Issue(Name(Rdn(OU, "client"), Rdn(OU, "org1"), Rdn(OU, "department1"), Rdn(CN, "user1")));

        // Act
        var identity = ClientIdentity.FromSerializedIdentity(SerializedIdentity("BankAMSP", certificate).Span);

        // Assert
        Assert.That(identity.OrganizationalUnits, Is.EqualTo(new[] { "client", "org1", "department1" }));
        Assert.That(identity.HasOrganizationalUnit("org1"), Is.True);
        Assert.That(identity.HasOrganizationalUnit("Client"), Is.False, "OU values compare case-sensitively, as the MSP does");
        Assert.That(identity.IsClient, Is.True);
        Assert.That(identity.IsAdmin, Is.False);
    }

    [Test]
    public void Attributes_FabricCaExtension_AreReadSortedByName()
    {
        // Arrange
        const string json = """{"attrs":{"role":"trader","hf.EnrollmentID":"user1","hf.Type":"client","hf.Affiliation":"","limit":null}}""";
        using var certificate = Issue(Name(Rdn(CN, "user1")), attributesJson: json);

        // Act
        var identity = ClientIdentity.Create("BankAMSP", certificate);

        // Assert
        Assert.That(identity.Attributes.Keys, Is.EqualTo(new[] { "hf.Affiliation", "hf.EnrollmentID", "hf.Type", "limit", "role" }));
        Assert.That(identity.GetAttributeValue("role"), Is.EqualTo("trader"));
        Assert.That(identity.GetAttributeValue("limit"), Is.Empty, "JSON null reads as an empty value, as in Go");
        Assert.That(identity.GetAttributeValue("missing"), Is.Null);
        Assert.That(identity.TryGetAttributeValue("hf.Type", out var type) && type == "client", Is.True);
        Assert.That(identity.TryGetAttributeValue("missing", out _), Is.False);
    }

    [Test]
    public void AssertAttributeValue_MatchingValue_DoesNotThrow()
    {
        // Arrange
        using var certificate = Issue(Name(Rdn(CN, "user1")), attributesJson: """{"attrs":{"role":"trader"}}""");
        var identity = ClientIdentity.Create("BankAMSP", certificate);

        // Act & Assert
        Assert.That(() => identity.AssertAttributeValue("role", "trader"), Throws.Nothing);
    }

    [TestCase("role", "auditor", "'trader', not 'auditor'")]
    [TestCase("clearance", "high", "no attribute 'clearance'")]
    public void AssertAttributeValue_WrongOrMissing_ThrowsUnauthorizedAccessExceptionSayingWhy(string name, string expected, string message)
    {
        // Arrange
        using var certificate = Issue(Name(Rdn(CN, "user1")), attributesJson: """{"attrs":{"role":"trader"}}""");
        var identity = ClientIdentity.Create("BankAMSP", certificate);

        // Act & Assert
        Assert.That(() => identity.AssertAttributeValue(name, expected), Throws.TypeOf<UnauthorizedAccessException>().With.Message.Contains(message));
    }

    [Test]
    public void Attributes_AttrsKeyInOtherCase_AreReadAsGoDoes()
    {
        // Arrange
        using var certificate = Issue(Name(Rdn(CN, "user1")), attributesJson: """{"Attrs":{"role":"trader"}}""");

        // Act
        var identity = ClientIdentity.Create("BankAMSP", certificate);

        // Assert
        Assert.That(identity.GetAttributeValue("role"), Is.EqualTo("trader"));
    }

    [TestCase("not json", TestName = "Attributes_NotJson_ThrowsArgumentException")]
    [TestCase("""["attrs"]""", TestName = "Attributes_NotAnObject_ThrowsArgumentException")]
    [TestCase("""{"attrs":["a"]}""", TestName = "Attributes_AttrsNotAnObject_ThrowsArgumentException")]
    [TestCase("""{"attrs":{"level":3}}""", TestName = "Attributes_NumberValue_ThrowsArgumentException")]
    public void Attributes_MalformedExtension_ThrowsArgumentException(string json)
    {
        // Arrange
        using var certificate = Issue(Name(Rdn(CN, "user1")), attributesJson: json);

        // Act & Assert
        Assert.That(() => ClientIdentity.Create("BankAMSP", certificate), Throws.ArgumentException.With.Message.Contains("1.2.3.4.5.6.7.8.1"));
    }

    [Test]
    public void FromSerializedIdentity_NotProtobuf_ThrowsArgumentException()
    {
        // Act & Assert
        Assert.That(() => ClientIdentity.FromSerializedIdentity(new byte[] { 0xFF, 0xFF, 0xFF }), Throws.ArgumentException.With.Message.Contains("SerializedIdentity"));
    }

    [Test]
    public void FromSerializedIdentity_NoMsp_ThrowsArgumentException()
    {
        // Arrange
        var creator = new SerializedIdentity { IdBytes = ByteString.CopyFromUtf8(Fixture("User1@banka.example.com-cert.pem")) }.ToByteArray();

        // Act & Assert
        Assert.That(() => ClientIdentity.FromSerializedIdentity(creator), Throws.ArgumentException.With.Message.Contains("MSP"));
    }

    [Test]
    public void FromSerializedIdentity_NotPem_ThrowsArgumentExceptionMentioningIdemix()
    {
        // Arrange
        var creator = new SerializedIdentity { Mspid = "IdemixMSP", IdBytes = ByteString.CopyFrom(1, 2, 3) }.ToByteArray();

        // Act & Assert
        Assert.That(() => ClientIdentity.FromSerializedIdentity(creator), Throws.ArgumentException.With.Message.Contains("Idemix"));
    }

    [Test]
    public void FromSerializedIdentity_PemThatIsNoCertificate_ThrowsArgumentException()
    {
        // Arrange
        var creator = new SerializedIdentity { Mspid = "BankAMSP", IdBytes = ByteString.CopyFromUtf8("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") }.ToByteArray();

        // Act & Assert
        Assert.That(() => ClientIdentity.FromSerializedIdentity(creator), Throws.ArgumentException.With.Message.Contains("not an X.509 certificate"));
    }

    [Test]
    public void Create_EmptyMspId_ThrowsArgumentException()
    {
        // Arrange
        using var certificate = Issue(Name(Rdn(CN, "user1")));

        // Act & Assert
        Assert.That(() => ClientIdentity.Create(string.Empty, certificate), Throws.ArgumentException);
    }
}
