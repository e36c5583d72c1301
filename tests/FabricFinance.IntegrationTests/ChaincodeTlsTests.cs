using System.Security.Cryptography.X509Certificates;
using FabricFinance.Client;
using FabricFinance.IntegrationTests.Infrastructure;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.IntegrationTests;

/// <summary>
/// The deployed C# chaincode service speaks mutual TLS: the peers reach it (every other test
/// proves that), and a client without the peers' certificate is turned away.
/// </summary>
[TestFixture]
[Category("Integration")]
[CancelAfter(60_000)]
public sealed class ChaincodeTlsTests
{
    private static string TlsFile(string name) =>
        Path.Combine(Repository.NetworkState, ".run", "deploy", FabricNetwork.ChaincodeName, "tls", name);

    private static string ServiceAddress => $"https://127.0.0.1:{9999 + Repository.PortOffset}";

    [Test]
    public async Task ChaincodeService_ClientWithThePeersCertificate_IsServedARegisterMessage(CancellationToken cancellationToken)
    {
        // Arrange
        using var certificate = X509Certificate2.CreateFromPemFile(TlsFile("client.crt"), TlsFile("client.key"));
        using var channel = GatewayChannel.ForAddress(ServiceAddress, new GatewayChannelOptions
        {
            TlsRootCertificatesPem = await File.ReadAllTextAsync(TlsFile("ca.crt"), cancellationToken),
            ClientCertificate = certificate,
        });
        var client = new Hyperledger.Fabric.Protos.Peer.Chaincode.ChaincodeClient(channel);

        // Act
        using var call = client.Connect(cancellationToken: cancellationToken);
        var received = await call.ResponseStream.MoveNext(cancellationToken);

        // Assert
        Assert.That(received, Is.True);
        Assert.That(call.ResponseStream.Current.Type, Is.EqualTo(ChaincodeMessage.Types.Type.Register));
        Assert.That(ChaincodeID.Parser.ParseFrom(call.ResponseStream.Current.Payload).Name, Is.EqualTo(FabricNetwork.PackageId));
        await call.RequestStream.CompleteAsync();
    }

    [Test]
    public async Task ChaincodeService_ClientWithoutACertificate_IsRefused(CancellationToken cancellationToken)
    {
        // Arrange
        using var channel = GatewayChannel.ForAddress(ServiceAddress, new GatewayChannelOptions
        {
            TlsRootCertificatesPem = await File.ReadAllTextAsync(TlsFile("ca.crt"), cancellationToken),
        });
        var client = new Hyperledger.Fabric.Protos.Peer.Chaincode.ChaincodeClient(channel);

        // Act
        using var call = client.Connect(cancellationToken: cancellationToken);
        var error = Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext(cancellationToken));

        // Assert
        Assert.That(error!.StatusCode, Is.AnyOf(StatusCode.Unavailable, StatusCode.Internal));
    }
}
