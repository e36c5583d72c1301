using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;

namespace FabricFinance.Bills.Client.Tests.Cli;

/// <summary>The names --as accepts come from network.json: orgs, their admins and users, and the demo parties.</summary>
public sealed class IdentityDirectoryTests
{
    [TestCase("BankA", "BankAMSP", "User1", "127.0.0.1:9051")]
    [TestCase("banka", "BankAMSP", "User1", "127.0.0.1:9051")]
    [TestCase("ExchangeAdmin", "ExchangeMSP", "Admin", "127.0.0.1:7051")]
    [TestCase("BankB.User3", "BankBMSP", "User3", "127.0.0.1:10051")]
    [TestCase("Regulator", "RegulatorMSP", "User1", "127.0.0.1:11051")]
    [TestCase("CoreCorp", "BankAMSP", "User3", "127.0.0.1:9051")]
    [TestCase("SupplierA", "BankAMSP", "User4", "127.0.0.1:9051")]
    [TestCase("SupplierB", "BankBMSP", "User3", "127.0.0.1:10051")]
    public void Resolve_Name_GivesTheUserAndItsOwnOrgsPeer(string name, string mspId, string user, string peer)
    {
        // Arrange
        var directory = new IdentityDirectory(NetworkProfile.Load(CliNetwork.Sample.NetworkFile));

        // Act
        var identity = directory.Resolve(name);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(identity.MspId, Is.EqualTo(mspId));
            Assert.That(identity.User, Is.EqualTo(user));
            Assert.That(identity.Peer!.Address, Is.EqualTo(peer));
            Assert.That(File.Exists(identity.CertificateFile), Is.True, identity.CertificateFile);
            Assert.That(File.Exists(identity.KeyFile), Is.True, identity.KeyFile);
        });
    }

    [TestCase("Orderer")]
    [TestCase("OrdererAdmin")]
    [TestCase("BankC")]
    public void Resolve_UnknownOrPeerlessName_ThrowsUsageListingTheNames(string name)
    {
        // Arrange
        var directory = new IdentityDirectory(NetworkProfile.Load(CliNetwork.Sample.NetworkFile));

        // Act
        var thrown = Assert.Throws<CliUsageException>(() => directory.Resolve(name));

        // Assert
        Assert.That(thrown!.Message, Does.Contain(name).And.Contain("CoreCorp").And.Contain("BankAAdmin"));
    }

    [Test]
    public void All_SampleNetwork_ListsPartiesFirstThenEachOrgsClientAdminAndUsers()
    {
        // Arrange
        var directory = new IdentityDirectory(NetworkProfile.Load(CliNetwork.Sample.NetworkFile));

        // Act
        var names = directory.All.Select(i => i.Name).ToList();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(names.Take(3), Is.EqualTo(new[] { "CoreCorp", "SupplierA", "SupplierB" }));
            Assert.That(names, Does.Contain("Exchange").And.Contain("ExchangeAdmin").And.Contain("Exchange.User2"));
            Assert.That(names.Where(n => n.StartsWith("Orderer", StringComparison.Ordinal)), Is.Empty);
            Assert.That(names, Is.Unique);
        });
    }
}
