using System.Security.Cryptography;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Msp;

namespace FabricFinance.Client.Tests.Infrastructure;

/// <summary>A gateway connected through a <see cref="FakeGatewayInvoker"/> as a throw-away identity.</summary>
internal sealed class TestGateway : IDisposable
{
    public const string ChannelName = "mychannel";
    public const string ChaincodeName = "bills";

    public static readonly DateTimeOffset Now = new(2025, 3, 14, 15, 9, 26, 535, TimeSpan.Zero);

    public TestGateway(bool withSigner = true, Action<GatewayOptions>? configure = null)
    {
        User = new TestIdentity();
        Invoker = new FakeGatewayInvoker();
        Options = new GatewayOptions
        {
            Signer = withSigner ? User.Signer : null,
            TimeProvider = new FixedTimeProvider(Now),
        };
        configure?.Invoke(Options);
        Gateway = Gateway.Connect(Invoker, User.Identity, Options);
    }

    public TestIdentity User { get; }

    public FakeGatewayInvoker Invoker { get; }

    public GatewayOptions Options { get; }

    public Gateway Gateway { get; }

    public Network Network => Gateway.GetNetwork(ChannelName);

    public Contract Contract => Network.GetContract(ChaincodeName);

    /// <summary>Gets the serialized identity Fabric expects as the creator of the user's messages.</summary>
    public ByteString Creator => new SerializedIdentity
    {
        Mspid = TestIdentity.MspId,
        IdBytes = ByteString.CopyFromUtf8(User.CertificatePem + "\n"),
    }.ToByteString();

    /// <summary>Checks a signature the way a Fabric peer does: ECDSA over SHA-256, DER-encoded.</summary>
    public bool IsValidSignature(ByteString message, ByteString signature) =>
        User.Key.VerifyData(message.Span, signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public void Dispose()
    {
        Gateway.Dispose();
        User.Dispose();
    }
}
