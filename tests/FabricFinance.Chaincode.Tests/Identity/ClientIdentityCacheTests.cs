using FabricFinance.Chaincode.Identity;
using Google.Protobuf;
using static FabricFinance.Chaincode.Tests.Identity.IdentityCertificates;

namespace FabricFinance.Chaincode.Tests.Identity;

[TestFixture]
public sealed class ClientIdentityCacheTests
{
    private static ByteString Creator(string mspId, string commonName, string? attributesJson = null)
    {
        using var certificate = Issue(Name(Rdn(OU, "client"), Rdn(CN, commonName)), attributesJson: attributesJson);
        return SerializedIdentity(mspId, certificate);
    }

    [Test]
    public void Get_SameCreatorTwice_ReadsOnceAndGivesEqualIdentities()
    {
        // Arrange
        var cache = new ClientIdentityCache();
        var creator = Creator("BankAMSP", "trader1", """{"attrs":{"desk":"bills"}}""");

        // Act: the second call gets bytes equal to the first's, in another ByteString, as the next transaction would.
        var first = cache.Get(creator);
        var second = cache.Get(ByteString.CopyFrom(creator.ToByteArray()));

        // Assert
        Assert.That(cache.Count, Is.EqualTo(1));
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(
            (second.MspId, second.Subject, second.Issuer, second.Id, second.IsClient, second.GetAttributeValue("desk")),
            Is.EqualTo((first.MspId, first.Subject, first.Issuer, first.Id, first.IsClient, first.GetAttributeValue("desk"))));
        Assert.That(second.Certificate.RawData, Is.EqualTo(first.Certificate.RawData));
    }

    [Test]
    public void Get_SameCreator_EachTransactionOwnsItsCertificate()
    {
        // Arrange
        var cache = new ClientIdentityCache();
        var creator = Creator("BankAMSP", "trader1");
        var first = cache.Get(creator);

        // Act: a contract disposing its certificate must not break the next transaction of the same client.
        first.Certificate.Dispose();
        var second = cache.Get(creator);

        // Assert
        Assert.That(second.Certificate, Is.Not.SameAs(first.Certificate));
        Assert.That(second.Certificate.Subject, Does.Contain("trader1"));
    }

    [Test]
    public void Get_SameCertificateUnderAnotherMsp_IsAnotherIdentity()
    {
        // Arrange
        var cache = new ClientIdentityCache();
        using var certificate = Issue(Name(Rdn(OU, "client"), Rdn(CN, "trader1")));

        // Act
        var bankA = cache.Get(SerializedIdentity("BankAMSP", certificate));
        var bankB = cache.Get(SerializedIdentity("BankBMSP", certificate));

        // Assert
        Assert.That((bankA.MspId, bankB.MspId, cache.Count), Is.EqualTo(("BankAMSP", "BankBMSP", 2)));
    }

    [Test]
    public void Get_MoreCreatorsThanCapacity_StaysWithinCapacityAndStillAnswers()
    {
        // Arrange
        var cache = new ClientIdentityCache(capacity: 2);
        var creators = new[] { Creator("BankAMSP", "a"), Creator("BankAMSP", "b"), Creator("BankAMSP", "c") };

        // Act
        var subjects = creators.Select(c => cache.Get(c).Subject).ToList();

        // Assert
        Assert.That(subjects, Is.EqualTo(new[] { "CN=a,OU=client", "CN=b,OU=client", "CN=c,OU=client" }));
        Assert.That(cache.Count, Is.LessThanOrEqualTo(2));
        Assert.That(cache.Get(creators[0]).Subject, Is.EqualTo("CN=a,OU=client"));
    }

    [Test]
    public void Get_UnreadableCreator_ThrowsAndKeepsNothing()
    {
        // Arrange
        var cache = new ClientIdentityCache();
        var creator = new Hyperledger.Fabric.Protos.Msp.SerializedIdentity { Mspid = "BankAMSP", IdBytes = ByteString.CopyFromUtf8("not a certificate") }.ToByteString();

        // Act & Assert
        Assert.That(() => cache.Get(creator), Throws.ArgumentException.With.Message.Contains("PEM"));
        Assert.That(cache.Count, Is.Zero);
    }

    [Test]
    public void Constructor_CapacityBelowOne_Throws()
    {
        // Act & Assert
        Assert.That(() => new ClientIdentityCache(0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("capacity"));
    }

    [Test]
    public void SharedViews_CannotBeChangedThroughTheirInterfaces()
    {
        // Arrange: copies for other transactions share these collections, so none may be writable.
        var cache = new ClientIdentityCache();
        var identity = cache.Get(Creator("BankAMSP", "trader1", """{"attrs":{"desk":"bills"}}"""));

        // Assert
        Assert.That(((ICollection<string>)identity.OrganizationalUnits).IsReadOnly, Is.True);
        Assert.That(((ICollection<KeyValuePair<string, string>>)identity.Attributes).IsReadOnly, Is.True);
        Assert.That(() => ((IList<string>)identity.OrganizationalUnits)[0] = "admin", Throws.TypeOf<NotSupportedException>());
    }
}
