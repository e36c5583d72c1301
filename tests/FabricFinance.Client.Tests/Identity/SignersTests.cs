using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using FabricFinance.Client.Identity;
using FabricFinance.Client.Internal;
using FabricFinance.Client.Tests.Infrastructure;

namespace FabricFinance.Client.Tests.Identity;

public class SignersTests
{
    private static readonly object[] Curves =
    [
        new object[] { "P-256", 400 },
        new object[] { "P-384", 150 },
    ];

    [TestCaseSource(nameof(Curves))]
    public async Task SignAsync_ManyDigests_EverySignatureIsLowSDerAndVerifies(string curveName, int iterations)
    {
        // Arrange
        var (curve, expected) = CurveNamed(curveName);
        using var key = ECDsa.Create(curve);
        var signer = Signers.NewPrivateKeySigner(key);
        var digestLength = expected == EcdsaCurve.P256 ? 32 : 48;

        for (var i = 0; i < iterations; i++)
        {
            var digest = RandomNumberGenerator.GetBytes(digestLength);

            // Act
            var signature = await signer.SignAsync(digest).DefaultTimeout();

            // Assert
            var (r, s) = DecodeDer(signature);
            Assert.That(r, Is.GreaterThan(BigInteger.Zero), $"r of signature {i}");
            Assert.That(s, Is.GreaterThan(BigInteger.Zero).And.LessThanOrEqualTo(expected.HalfOrder), $"s of signature {i}");
            Assert.That(key.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence), Is.True, $"signature {i} verifies");
        }
    }

    [TestCaseSource(nameof(Curves))]
    public void ToLowSDer_PlatformSignatures_HighSIsFlippedAndBothFormsVerify(string curveName, int iterations)
    {
        // Arrange
        var (curve, expected) = CurveNamed(curveName);
        using var key = ECDsa.Create(curve);
        var size = expected.FieldSizeBytes;
        var highSSeen = 0;

        for (var i = 0; i < iterations; i++)
        {
            var digest = RandomNumberGenerator.GetBytes(32);
            var p1363 = key.SignHash(digest, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            var s = new BigInteger(p1363.AsSpan(size), isUnsigned: true, isBigEndian: true);
            var mirrored = p1363.ToArray();
            (expected.Order - s).TryWriteBytes(mirrored.AsSpan(size), out var written, isUnsigned: true, isBigEndian: true);
            Array.Copy(mirrored, size, mirrored, 2 * size - written, written);
            mirrored.AsSpan(size, size - written).Clear();

            // Act
            var fromOriginal = EcdsaSignatures.ToLowSDer(p1363, expected);
            var fromMirrored = EcdsaSignatures.ToLowSDer(mirrored, expected);

            // Assert: (r, s) and (r, n - s) are both valid; the conversion picks the low one from either.
            highSSeen += s > expected.HalfOrder ? 1 : 0;
            Assert.That(key.VerifyHash(digest, mirrored, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), Is.True);
            Assert.That(fromMirrored, Is.EqualTo(fromOriginal));
            Assert.That(DecodeDer(fromOriginal).S, Is.LessThanOrEqualTo(expected.HalfOrder));
            Assert.That(key.VerifyHash(digest, fromOriginal, DSASignatureFormat.Rfc3279DerSequence), Is.True);
        }

        Assert.That(highSSeen, Is.GreaterThan(0), "the platform produced no high-S signature, so normalization was not exercised");
    }

    [Test]
    public void ToLowS_BoundaryValues_OnlyValuesAboveHalfOrderFlip()
    {
        // Arrange
        var curve = EcdsaCurve.P256;

        // Act and Assert
        Assert.Multiple(() =>
        {
            Assert.That(EcdsaSignatures.ToLowS(BigInteger.One, curve), Is.EqualTo(BigInteger.One));
            Assert.That(EcdsaSignatures.ToLowS(curve.HalfOrder, curve), Is.EqualTo(curve.HalfOrder));
            Assert.That(EcdsaSignatures.ToLowS(curve.HalfOrder + 1, curve), Is.EqualTo(curve.HalfOrder));
            Assert.That(EcdsaSignatures.ToLowS(curve.Order - 1, curve), Is.EqualTo(BigInteger.One));
        });
    }

    [Test]
    public void EncodeDer_SmallIntegers_MinimalEncoding()
    {
        // Act
        var der = EcdsaSignatures.EncodeDer(1, 127);

        // Assert
        Assert.That(der, Is.EqualTo(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x7F }));
    }

    [Test]
    public void EncodeDer_HighBitSet_PrependsZeroSoIntegerIsPositive()
    {
        // Act
        var der = EcdsaSignatures.EncodeDer(0x80, 0xFF00);

        // Assert
        Assert.That(der, Is.EqualTo(new byte[] { 0x30, 0x09, 0x02, 0x02, 0x00, 0x80, 0x02, 0x03, 0x00, 0xFF, 0x00 }));
    }

    [Test]
    public void ToLowSDer_WrongLength_ThrowsArgumentException()
    {
        // Act and Assert
        Assert.Throws<ArgumentException>(() => EcdsaSignatures.ToLowSDer(new byte[63], EcdsaCurve.P256));
    }

    [Test]
    public async Task NewPrivateKeySigner_Pkcs8Pem_SignsVerifiably()
    {
        // Arrange
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = Signers.NewPrivateKeySigner(key.ExportPkcs8PrivateKeyPem());
        var digest = SHA256.HashData("message"u8);

        // Act
        var signature = await signer.SignAsync(digest).DefaultTimeout();

        // Assert
        Assert.That(key.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence), Is.True);
    }

    [Test]
    public async Task NewPrivateKeySigner_Sec1Pem_SignsVerifiably()
    {
        // Arrange
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var pem = key.ExportECPrivateKeyPem();
        var signer = Signers.NewPrivateKeySigner(pem);
        var digest = SHA256.HashData("message"u8);

        // Act
        var signature = await signer.SignAsync(digest).DefaultTimeout();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(pem, Does.StartWith("-----BEGIN EC PRIVATE KEY-----"));
            Assert.That(key.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence), Is.True);
        });
    }

    [Test]
    public void NewPrivateKeySigner_PublicKeyPem_ThrowsArgumentException()
    {
        // Arrange
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => Signers.NewPrivateKeySigner(key.ExportSubjectPublicKeyInfoPem()));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("privateKeyPem"));
    }

    [Test]
    public void NewPrivateKeySigner_RsaPem_ThrowsArgumentException()
    {
        // Arrange
        using var rsa = RSA.Create(2048);

        // Act and Assert
        Assert.Throws<ArgumentException>(() => Signers.NewPrivateKeySigner(rsa.ExportPkcs8PrivateKeyPem()));
    }

    [Test]
    public void NewPrivateKeySigner_P521Key_ThrowsArgumentExceptionNamingCurves()
    {
        // Arrange
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP521);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => Signers.NewPrivateKeySigner(key));

        // Assert
        Assert.That(ex!.Message, Does.Contain("P-256 or P-384"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not a key")]
    public void NewPrivateKeySigner_InvalidPem_ThrowsArgumentExceptionNamingPem(string? pem)
    {
        // Act
        var ex = Assert.Catch<ArgumentException>(() => Signers.NewPrivateKeySigner(pem!));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("privateKeyPem"));
    }

    [Test]
    public void NewPrivateKeySigner_NullKey_ThrowsArgumentNullException()
    {
        // Act and Assert
        Assert.Throws<ArgumentNullException>(() => Signers.NewPrivateKeySigner((ECDsa)null!));
    }

    [Test]
    public void SignAsync_EmptyDigest_ThrowsArgumentException()
    {
        // Arrange
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = Signers.NewPrivateKeySigner(key);

        // Act and Assert
        Assert.ThrowsAsync<ArgumentException>(async () => await signer.SignAsync(ReadOnlyMemory<byte>.Empty).DefaultTimeout());
    }

    [Test]
    public void SignAsync_CancelledToken_ThrowsOperationCanceledException()
    {
        // Arrange
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = Signers.NewPrivateKeySigner(key);

        // Act and Assert
        Assert.CatchAsync<OperationCanceledException>(
            async () => await signer.SignAsync(new byte[32], new CancellationToken(canceled: true)).DefaultTimeout());
    }

    private static (ECCurve Curve, EcdsaCurve Expected) CurveNamed(string name) => name switch
    {
        "P-256" => (ECCurve.NamedCurves.nistP256, EcdsaCurve.P256),
        "P-384" => (ECCurve.NamedCurves.nistP384, EcdsaCurve.P384),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Decodes a DER Ecdsa-Sig-Value strictly: DER rules, exactly two integers, no trailing bytes.</summary>
    private static (BigInteger R, BigInteger S) DecodeDer(byte[] signature)
    {
        var reader = new AsnReader(signature, AsnEncodingRules.DER);
        var sequence = reader.ReadSequence();
        var r = sequence.ReadInteger();
        var s = sequence.ReadInteger();
        sequence.ThrowIfNotEmpty();
        reader.ThrowIfNotEmpty();
        return (r, s);
    }
}
