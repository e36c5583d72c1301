using System.Security.Cryptography;
using FabricFinance.Client.Tests.Infrastructure;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Msp;

namespace FabricFinance.Client.Tests.Events;

/// <summary>
/// A gateway connected through a <see cref="FakeDeliverInvoker"/> (Gateway and Deliver services) as a throw-away
/// identity, on a <see cref="ManualTimeProvider"/> clock.
/// </summary>
internal sealed class EventsTestGateway : IDisposable
{
    public const string ChannelName = TestGateway.ChannelName;
    public const string ChaincodeName = TestGateway.ChaincodeName;

    public EventsTestGateway(bool withSigner = true, Action<GatewayOptions>? configure = null)
    {
        User = new TestIdentity();
        Invoker = new FakeDeliverInvoker(new FakeGatewayInvoker());
        Time = new ManualTimeProvider(TestGateway.Now);
        Options = new GatewayOptions
        {
            Signer = withSigner ? User.Signer : null,
            TimeProvider = Time,
        };
        configure?.Invoke(Options);
        Gateway = Gateway.Connect(Invoker, User.Identity, Options);
    }

    public TestIdentity User { get; }

    public FakeDeliverInvoker Invoker { get; }

    /// <summary>Gets the Gateway service double behind <see cref="Invoker"/>.</summary>
    public FakeGatewayInvoker GatewayService => Invoker.Gateway;

    public ManualTimeProvider Time { get; }

    public GatewayOptions Options { get; }

    public Gateway Gateway { get; }

    public Network Network => Gateway.GetNetwork(ChannelName);

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
