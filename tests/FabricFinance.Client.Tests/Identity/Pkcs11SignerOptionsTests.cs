using FabricFinance.Client.Identity;

namespace FabricFinance.Client.Tests.Identity;

/// <summary>Checks of <see cref="Pkcs11SignerOptions"/> that need no token.</summary>
public class Pkcs11SignerOptionsTests
{
    [TestCase(null, "token", "1234", "key")]
    [TestCase("/lib.so", " ", "1234", "key")]
    [TestCase("/lib.so", "token", "", "key")]
    [TestCase("/lib.so", "token", "1234", null)]
    public void NewPkcs11Signer_MissingSetting_ThrowsArgumentExceptionNamingOptions(string? library, string? token, string? pin, string? keyLabel)
    {
        // Arrange
        var options = new Pkcs11SignerOptions { LibraryPath = library, TokenLabel = token, Pin = pin, KeyLabel = keyLabel };

        // Act
        var ex = Assert.Throws<ArgumentException>(() => Signers.NewPkcs11Signer(options));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void NewPkcs11Signer_NullOptions_ThrowsArgumentNullException()
    {
        // Act and Assert
        Assert.Throws<ArgumentNullException>(() => Signers.NewPkcs11Signer(null!));
    }
}
