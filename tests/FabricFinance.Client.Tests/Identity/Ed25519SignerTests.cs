using System.Security.Cryptography;
using System.Text;
using FabricFinance.Client.Identity;
using FabricFinance.Client.Tests.Infrastructure;
using Hyperledger.Fabric.Protos.Gateway;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using BouncyEd25519Signer = Org.BouncyCastle.Crypto.Signers.Ed25519Signer;

namespace FabricFinance.Client.Tests.Identity;

public class Ed25519SignerTests
{
    [Test]
    public async Task SignAsync_Rfc8032TestVector2_ProducesTheSpecifiedSignature()
    {
        // Arrange: RFC 8032 section 7.1, TEST 2.
        var signer = Signers.NewEd25519Signer(Convert.FromHexString("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));

        // Act
        var signature = await signer.SignAsync(new byte[] { 0x72 }).DefaultTimeout();

        // Assert
        Assert.That(
            Convert.ToHexStringLower(signature),
            Is.EqualTo("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"));
    }

    [Test]
    public async Task SignAsync_ManyKeysAndMessages_EverySignatureVerifies()
    {
        for (var i = 0; i < 200; i++)
        {
            // Arrange
            var key = new Ed25519PrivateKeyParameters(new SecureRandom());
            var signer = Signers.NewEd25519Signer(key.GetEncoded());
            var message = RandomNumberGenerator.GetBytes(1 + (i * 13 % 700));

            // Act
            var signature = await signer.SignAsync(message).DefaultTimeout();

            // Assert
            Assert.That(signature, Has.Length.EqualTo(64), $"signature {i}");
            Assert.That(Verify(key.GeneratePublicKey(), message, signature), Is.True, $"signature {i} verifies");
        }
    }

    [Test]
    public async Task NewPrivateKeySigner_Rfc8410Pkcs8Pem_SignsWithThatKey()
    {
        // Arrange: the example private key of RFC 8410 section 10.3.
        const string pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
        var key = new Ed25519PrivateKeyParameters(Convert.FromHexString("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842"));
        var message = "proposal bytes"u8.ToArray();

        // Act
        var signature = await Signers.NewPrivateKeySigner(pem).SignAsync(message).DefaultTimeout();

        // Assert
        Assert.That(Verify(key.GeneratePublicKey(), message, signature), Is.True);
    }

    [Test]
    public async Task NewPrivateKeySigner_Pkcs8PemAmongOtherBlocks_FindsTheEd25519Key()
    {
        // Arrange
        var key = NewKey();
        var pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" + ToPkcs8Pem(key);
        var message = "abc"u8.ToArray();

        // Act
        var signature = await Signers.NewPrivateKeySigner(pem).SignAsync(message).DefaultTimeout();

        // Assert
        Assert.That(Verify(key.GeneratePublicKey(), message, signature), Is.True);
    }

    [TestCase(0)]
    [TestCase(31)]
    [TestCase(64)]
    public void NewEd25519Signer_WrongKeyLength_ThrowsArgumentExceptionNamingPrivateKey(int length)
    {
        // Act
        var ex = Assert.Throws<ArgumentException>(() => Signers.NewEd25519Signer(new byte[length]));

        // Assert
        Assert.That(ex!.ParamName, Is.EqualTo("privateKey"));
    }

    [Test]
    public void SignAsync_EmptyMessage_ThrowsArgumentException()
    {
        // Arrange
        var signer = Signers.NewEd25519Signer(NewKey().GetEncoded());

        // Act and Assert
        Assert.ThrowsAsync<ArgumentException>(async () => await signer.SignAsync(ReadOnlyMemory<byte>.Empty).DefaultTimeout());
    }

    [Test]
    public void Connect_Ed25519SignerWithDefaultHash_ThrowsArgumentExceptionTellingToUseHashNone()
    {
        // Arrange
        using var user = new TestIdentity();
        var options = new GatewayOptions { Signer = Signers.NewEd25519Signer(NewKey().GetEncoded()) };

        // Act
        var ex = Assert.Throws<ArgumentException>(() => Gateway.Connect(new FakeGatewayInvoker(), user.Identity, options));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(ex!.ParamName, Is.EqualTo("options"));
            Assert.That(ex.Message, Does.Contain("Ed25519").And.Contain("Hash.None"));
        });
    }

    [Test]
    public void Connect_EcdsaSignerWithHashNone_ThrowsArgumentException()
    {
        // Arrange
        using var user = new TestIdentity();
        var options = new GatewayOptions { Signer = user.Signer, Hash = Hash.None };

        // Act
        var ex = Assert.Throws<ArgumentException>(() => Gateway.Connect(new FakeGatewayInvoker(), user.Identity, options));

        // Assert
        Assert.That(ex!.Message, Does.Contain("ECDSA P-256").And.Contain("NONE"));
    }

    [Test]
    public void Connect_CustomSignerWithHashNone_IsAllowed()
    {
        // Arrange
        using var user = new TestIdentity();
        var options = new GatewayOptions { Signer = new EchoSigner(), Hash = Hash.None };

        // Act and Assert
        Assert.DoesNotThrow(() => Gateway.Connect(new FakeGatewayInvoker(), user.Identity, options).Dispose());
    }

    [Test]
    public async Task EndorseAsync_Ed25519SignerWithHashNone_SignsTheWholeProposal()
    {
        // Arrange
        var key = NewKey();
        using var test = new TestGateway(configure: options =>
        {
            options.Signer = Signers.NewEd25519Signer(key.GetEncoded());
            options.Hash = Hash.None;
        });
        var proposal = test.Contract.NewProposal("Issue", new ProposalOptions().AddArguments("bill-1"));

        // Act
        var transaction = await proposal.EndorseAsync().DefaultTimeout();
        await transaction.SubmitAsync().DefaultTimeout();

        // Assert
        var endorse = test.Invoker.RequestsOf<EndorseRequest>().Single();
        var submit = test.Invoker.RequestsOf<SubmitRequest>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(proposal.GetDigest(), Is.EqualTo(endorse.ProposedTransaction.ProposalBytes.ToByteArray()));
            Assert.That(
                Verify(key.GeneratePublicKey(), endorse.ProposedTransaction.ProposalBytes.ToByteArray(), endorse.ProposedTransaction.Signature.ToByteArray()),
                Is.True);
            Assert.That(
                Verify(key.GeneratePublicKey(), submit.PreparedTransaction.Payload.ToByteArray(), submit.PreparedTransaction.Signature.ToByteArray()),
                Is.True);
        });
    }

    [Test]
    public void FromPem_Ed25519Certificate_CredentialsHoldTheCertificate()
    {
        // Arrange
        var key = NewKey();
        var certificatePem = SelfSignedEd25519CertificatePem(key);

        // Act
        var identity = X509Identity.FromPem("Org1MSP", certificatePem);

        // Assert
        var credentials = Encoding.ASCII.GetString(identity.Credentials.Span);
        using var decoded = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(credentials);
        Assert.That(decoded.PublicKey.Oid.Value, Is.EqualTo("1.3.101.112"));
    }

    private static Ed25519PrivateKeyParameters NewKey() => new(new SecureRandom());

    private static bool Verify(Ed25519PublicKeyParameters publicKey, byte[] message, byte[] signature)
    {
        var verifier = new BouncyEd25519Signer();
        verifier.Init(forSigning: false, publicKey);
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }

    private static string ToPkcs8Pem(Ed25519PrivateKeyParameters key) =>
        PemEncoding.WriteString("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(key).GetEncoded()) + "\n";

    private static string SelfSignedEd25519CertificatePem(Ed25519PrivateKeyParameters key)
    {
        var generator = new Org.BouncyCastle.X509.X509V3CertificateGenerator();
        var name = new Org.BouncyCastle.Asn1.X509.X509Name("CN=User1@org1.example.com");
        generator.SetSerialNumber(Org.BouncyCastle.Math.BigInteger.One);
        generator.SetIssuerDN(name);
        generator.SetSubjectDN(name);
        generator.SetNotBefore(DateTime.UtcNow.AddMinutes(-5));
        generator.SetNotAfter(DateTime.UtcNow.AddDays(1));
        generator.SetPublicKey(key.GeneratePublicKey());
        var certificate = generator.Generate(new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("Ed25519", key));
        return PemEncoding.WriteString("CERTIFICATE", certificate.GetEncoded());
    }

    /// <summary>A custom signer: the gateway does not know its scheme, so it accepts any hash.</summary>
    private sealed class EchoSigner : ISigner
    {
        public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> digest, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(digest.ToArray());
    }
}
