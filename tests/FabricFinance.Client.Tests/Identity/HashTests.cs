using System.Security.Cryptography;
using FabricFinance.Client.Identity;

namespace FabricFinance.Client.Tests.Identity;

public class HashTests
{
    [Test]
    public void Sha256_Abc_MatchesFipsTestVector()
    {
        // Act
        var digest = Hash.Sha256("abc"u8);

        // Assert
        Assert.That(Convert.ToHexStringLower(digest), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [Test]
    public void Sha384_Abc_MatchesFipsTestVector()
    {
        // Act
        var digest = Hash.Sha384("abc"u8);

        // Assert
        Assert.That(
            Convert.ToHexStringLower(digest),
            Is.EqualTo("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"));
    }

    [Test]
    public void Compute_Sha256_EqualsSha256()
    {
        // Act and Assert
        Assert.That(Hash.Compute(HashAlgorithmName.SHA256, "abc"u8), Is.EqualTo(Hash.Sha256("abc"u8)));
    }

    [Test]
    public void Compute_UnknownAlgorithm_ThrowsArgumentExceptionNamingAlgorithm()
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => Hash.Compute(new HashAlgorithmName("WHIRLPOOL"), "abc"u8));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("algorithm"));
    }

    [Test]
    public void Compute_Sha3With256_MatchesFipsTestVector()
    {
        // Act
        var digest = Hash.Compute(HashAlgorithmName.SHA3_256, "abc"u8);

        // Assert
        Assert.That(Convert.ToHexStringLower(digest), Is.EqualTo("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"));
    }

    [Test]
    public void Compute_Sha3With384_MatchesFipsTestVector()
    {
        // Act
        var digest = Hash.Compute(HashAlgorithmName.SHA3_384, "abc"u8);

        // Assert
        Assert.That(
            Convert.ToHexStringLower(digest),
            Is.EqualTo("ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25"));
    }

    [TestCase(256)]
    [TestCase(384)]
    public void BouncyCastleSha3_RandomMessages_EqualsPlatformSha3(int bits)
    {
        // Arrange
        if (!SHA3_256.IsSupported)
        {
            Assert.Ignore("The platform has no SHA-3 to compare the BouncyCastle fallback with (OpenSSL 1.1.1 or later provides it).");
        }

        var algorithm = bits == 256 ? HashAlgorithmName.SHA3_256 : HashAlgorithmName.SHA3_384;
        for (var length = 0; length < 300; length += 7)
        {
            var message = RandomNumberGenerator.GetBytes(length);

            // Act
            var fallback = Hash.BouncyCastleSha3(bits, message);

            // Assert
            Assert.That(fallback, Is.EqualTo(CryptographicOperations.HashData(algorithm, message)), $"message of {length} bytes");
        }
    }

    [Test]
    public void Compute_None_ReturnsCopyOfMessage()
    {
        // Arrange
        var message = new byte[] { 1, 2, 3 };

        // Act
        var digest = Hash.Compute(Hash.None, message);
        message[0] = 9;

        // Assert
        Assert.That(digest, Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [TestCase("sha256", 32)]
    [TestCase("SHA-384", 48)]
    [TestCase("sha3-256", 32)]
    [TestCase("SHA3_384", 48)]
    [TestCase("none", 3)]
    public void Compute_NamesInAnyCaseOrSpelling_Accepted(string name, int length)
    {
        // Act
        var digest = Hash.Compute(new HashAlgorithmName(name), "abc"u8);

        // Assert
        Assert.That(digest, Has.Length.EqualTo(length));
    }

    [TestCase("SHA512")]
    [TestCase("SHA1")]
    [TestCase("MD5")]
    public void Compute_AlgorithmFabricDoesNotUse_ThrowsArgumentExceptionListingChoices(string name)
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => Hash.Compute(new HashAlgorithmName(name), "abc"u8));

        // Assert
        Assert.That(ex!.Message, Does.Contain("SHA256, SHA384, SHA3-256, SHA3-384 or NONE"));
    }
}
