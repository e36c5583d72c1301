using FabricFinance.Chaincode.Tests.Infrastructure;
using Grpc.Core;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Hosting;

/// <summary>The chaincode server over TLS and mutual TLS, configured from PEM files as in a CCaaS deployment.</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class ChaincodeServerTlsTests
{
    private static Task<ChaincodeResponse> Echo(IChaincodeStub stub, CancellationToken ct) => Task.FromResult(ChaincodeResponse.Success(stub.FunctionName));

    [Test]
    public async Task Connect_OverTls_CompletesHandshakeAndTransaction()
    {
        // Arrange
        using var certificates = TestCertificates.Create();
        await using var server = await ChaincodeServerHarness.StartAsync(Echo, certificates);
        await using var peer = await server.ConnectAsync();

        // Act
        var register = await peer.HandshakeAsync();
        await peer.SendAsync(Messages.Transaction("tx1", "Hello"));
        var completed = await peer.ReceiveAsync();

        // Assert
        Assert.That(server.Address, Does.StartWith("https://127.0.0.1:"));
        Assert.That(register.Type, Is.EqualTo(MessageType.Register));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("Hello"));
    }

    [Test]
    public async Task Connect_MutualTlsWithTrustedClientCertificate_IsServed()
    {
        // Arrange
        using var certificates = TestCertificates.Create();
        await using var server = await ChaincodeServerHarness.StartAsync(Echo, certificates, requireClientCertificate: true, clientCertificate: certificates.Client);
        await using var peer = await server.ConnectAsync();

        // Act
        var register = await peer.ReceiveAsync();

        // Assert
        Assert.That(register.Type, Is.EqualTo(MessageType.Register));
    }

    [Test]
    public async Task Connect_MutualTlsWithoutClientCertificate_IsRefused()
    {
        // Arrange
        using var certificates = TestCertificates.Create();
        await using var server = await ChaincodeServerHarness.StartAsync(Echo, certificates, requireClientCertificate: true);
        await using var peer = await server.ConnectAsync();

        // Act
        var status = await peer.WaitForEndAsync();

        // Assert
        Assert.That(status.StatusCode, Is.EqualTo(StatusCode.Unavailable).Or.EqualTo(StatusCode.Internal));
    }

    [Test]
    public async Task Connect_MutualTlsWithUntrustedClientCertificate_IsRefused()
    {
        // Arrange
        using var certificates = TestCertificates.Create();
        using var stranger = TestCertificates.CreateUntrustedClient();
        await using var server = await ChaincodeServerHarness.StartAsync(Echo, certificates, requireClientCertificate: true, clientCertificate: stranger);
        await using var peer = await server.ConnectAsync();

        // Act
        var status = await peer.WaitForEndAsync();

        // Assert
        Assert.That(status.StatusCode, Is.EqualTo(StatusCode.Unavailable).Or.EqualTo(StatusCode.Internal));
    }
}
