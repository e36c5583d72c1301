using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using FabricFinance.Client.Identity;
using FabricFinance.Client.Internal;
using FabricFinance.Client.Tests.Infrastructure;
using Hyperledger.Fabric.Protos.Gateway;

namespace FabricFinance.Client.Tests.Identity;

/// <summary>The PKCS#11 signer against a real SoftHSM2 token: keys generated in the token, signatures checked by .NET.</summary>
[NonParallelizable]
public class Pkcs11SignerTests
{
    private SoftHsm? _hsm;

    private SoftHsm Hsm => _hsm ?? throw new InvalidOperationException("The SoftHSM token was not started.");

    [OneTimeSetUp]
    public void StartToken()
    {
        _hsm = SoftHsm.TryStart(out var whyNot);
        if (_hsm is null)
        {
            Assert.Ignore(whyNot);
        }
    }

    [OneTimeTearDown]
    public void StopToken() => _hsm?.Dispose();

    [TestCase(SoftHsm.P256Label, 300)]
    [TestCase(SoftHsm.P384Label, 150)]
    public async Task SignAsync_ManyDigests_EverySignatureIsLowSDerAndVerifiesWithTheTokensPublicKey(string keyLabel, int iterations)
    {
        // Arrange
        using var signer = Signers.NewPkcs11Signer(Options(keyLabel: keyLabel));
        var (publicKey, curve) = keyLabel == SoftHsm.P256Label ? (Hsm.P256PublicKey, EcdsaCurve.P256) : (Hsm.P384PublicKey, EcdsaCurve.P384);

        for (var i = 0; i < iterations; i++)
        {
            var digest = SHA256.HashData(RandomNumberGenerator.GetBytes(40));

            // Act
            var signature = await signer.SignAsync(digest).DefaultTimeout();

            // Assert
            var reader = new AsnReader(signature, AsnEncodingRules.DER).ReadSequence();
            _ = reader.ReadInteger();
            var s = reader.ReadInteger();
            reader.ThrowIfNotEmpty();
            Assert.That(s, Is.GreaterThan(BigInteger.Zero).And.LessThanOrEqualTo(curve.HalfOrder), $"s of signature {i}");
            Assert.That(publicKey.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence), Is.True, $"signature {i} verifies");
        }

        Assert.That(signer.CurveName, Is.EqualTo(curve.Name));
    }

    [Test]
    public async Task SignAsync_KeyFoundById_SignsWithThatKey()
    {
        // Arrange
        using var signer = Signers.NewPkcs11Signer(Options(keyLabel: null, keyId: [0x02]));
        var digest = SHA256.HashData("by id"u8);

        // Act
        var signature = await signer.SignAsync(digest).DefaultTimeout();

        // Assert
        Assert.That(Hsm.P384PublicKey.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence), Is.True);
    }

    [Test]
    public async Task SignAsync_ConcurrentCallsOnOneSigner_AllVerify()
    {
        // Arrange
        using var signer = Signers.NewPkcs11Signer(Options());
        var digests = Enumerable.Range(0, 64).Select(i => SHA256.HashData(BitConverter.GetBytes(i))).ToArray();

        // Act
        var signatures = await Task.WhenAll(digests.Select(d => Task.Run(async () => await signer.SignAsync(d)))).DefaultTimeout();

        // Assert
        for (var i = 0; i < digests.Length; i++)
        {
            Assert.That(Hsm.P256PublicKey.VerifyHash(digests[i], signatures[i], DSASignatureFormat.Rfc3279DerSequence), Is.True, $"signature {i}");
        }
    }

    [Test]
    public async Task SubmitAsync_GatewayWithPkcs11Signer_PeerCanVerifyEverySignature()
    {
        // Arrange
        using var signer = Signers.NewPkcs11Signer(Options());
        using var test = new TestGateway(configure: options => options.Signer = signer);

        // Act
        await test.Contract.SubmitTransactionAsync("Issue", ["bill-1"]).DefaultTimeout();

        // Assert
        var endorse = test.Invoker.RequestsOf<EndorseRequest>().Single();
        var submit = test.Invoker.RequestsOf<SubmitRequest>().Single();
        var status = test.Invoker.RequestsOf<SignedCommitStatusRequest>().Single();
        var key = Hsm.P256PublicKey;
        Assert.Multiple(() =>
        {
            Assert.That(key.VerifyData(endorse.ProposedTransaction.ProposalBytes.Span, endorse.ProposedTransaction.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), Is.True);
            Assert.That(key.VerifyData(submit.PreparedTransaction.Payload.Span, submit.PreparedTransaction.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), Is.True);
            Assert.That(key.VerifyData(status.Request.Span, status.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), Is.True);
        });
    }

    [Test]
    public void Connect_Pkcs11SignerWithHashNone_ThrowsArgumentException()
    {
        // Arrange
        using var signer = Signers.NewPkcs11Signer(Options());
        using var user = new TestIdentity();

        // Act and Assert
        Assert.Throws<ArgumentException>(() => Gateway.Connect(new FakeGatewayInvoker(), user.Identity, new GatewayOptions { Signer = signer, Hash = Hash.None }));
    }

    [Test]
    public void NewPkcs11Signer_WrongPin_ThrowsPkcs11SignerExceptionSayingThePinWasRefused()
    {
        // Arrange
        var options = Options(token: SoftHsm.LockedTokenLabel);
        options.Pin = "00000000";

        // Act
        var ex = Assert.Throws<Pkcs11SignerException>(() => Signers.NewPkcs11Signer(options));

        // Assert
        Assert.That(ex!.Message, Does.Contain("refused the PIN"));
    }

    [Test]
    public void NewPkcs11Signer_UnknownToken_ThrowsPkcs11SignerExceptionListingTokens()
    {
        // Act
        var ex = Assert.Throws<Pkcs11SignerException>(() => Signers.NewPkcs11Signer(Options(token: "no-such-token")));

        // Assert
        Assert.That(ex!.Message, Does.Contain("no-such-token").And.Contain(SoftHsm.TokenLabel));
    }

    [Test]
    public void NewPkcs11Signer_UnknownKey_ThrowsPkcs11SignerExceptionNamingTheKey()
    {
        // Act
        var ex = Assert.Throws<Pkcs11SignerException>(() => Signers.NewPkcs11Signer(Options(keyLabel: "missing", keyId: [0x0A, 0x0B])));

        // Assert
        Assert.That(ex!.Message, Does.Contain("label 'missing'").And.Contain("id 0a0b"));
    }

    [Test]
    public void NewPkcs11Signer_MissingLibrary_ThrowsPkcs11SignerException()
    {
        // Arrange
        var options = Options();
        options.LibraryPath = "/nonexistent/libpkcs11.so";

        // Act and Assert
        Assert.Throws<Pkcs11SignerException>(() => Signers.NewPkcs11Signer(options));
    }

    [Test]
    public void SignAsync_AfterDispose_ThrowsObjectDisposedException()
    {
        // Arrange
        var signer = Signers.NewPkcs11Signer(Options());
        signer.Dispose();

        // Act and Assert
        Assert.ThrowsAsync<ObjectDisposedException>(async () => await signer.SignAsync(new byte[32]).DefaultTimeout());
    }

    [Test]
    public async Task Dispose_OneOfTwoSignersOnTheLibrary_OtherKeepsSigning()
    {
        // Arrange
        using var kept = Signers.NewPkcs11Signer(Options());
        Signers.NewPkcs11Signer(Options(keyLabel: SoftHsm.P384Label)).Dispose();
        var digest = SHA256.HashData("still here"u8);

        // Act
        var signature = await kept.SignAsync(digest).DefaultTimeout();

        // Assert
        Assert.That(Hsm.P256PublicKey.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence), Is.True);
    }

    private Pkcs11SignerOptions Options(string token = SoftHsm.TokenLabel, string? keyLabel = SoftHsm.P256Label, byte[]? keyId = null) => new()
    {
        LibraryPath = Hsm.LibraryPath,
        TokenLabel = token,
        Pin = SoftHsm.UserPin,
        KeyLabel = keyLabel,
        KeyId = keyId ?? ReadOnlyMemory<byte>.Empty,
    };
}
