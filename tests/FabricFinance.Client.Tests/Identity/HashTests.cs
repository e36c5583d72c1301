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
}
