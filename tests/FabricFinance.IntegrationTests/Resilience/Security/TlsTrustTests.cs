using System.Security.Cryptography.X509Certificates;
using FabricFinance.Bills;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Bills;
using FabricFinance.IntegrationTests.Infrastructure;
using Grpc.Core;

namespace FabricFinance.IntegrationTests.Resilience.Security;

/// <summary>
/// Issue 8, part 5, transport: a gateway client that does not trust the peer's TLS CA gets no
/// connection (a typed <see cref="GatewayException"/>; .NET's gRPC client reports the failed TLS
/// handshake as INTERNAL, "The SSL connection could not be established"); and the bill chaincode service,
/// under mutual TLS, turns away a client whose certificate another CA issued. A client with no
/// certificate at all is <c>ChaincodeTlsTests.ChaincodeService_ClientWithoutACertificate_IsRefused</c>.
/// The peers here do not ask gateway clients for certificates (<c>CORE_PEER_TLS_CLIENTAUTHREQUIRED=false</c>):
/// a gateway client is known by its signed proposals, so there is no client-certificate case to test there.
/// </summary>
[Category("Integration")]
public sealed class TlsTrustTests
{
    private static Market M => ResilienceFixture.Market;

    [Test]
    [CancelAfter(60_000)]
    public void Gateway_ClientTrustingAnotherCa_RefusedWithATypedGatewayError(CancellationToken ct)
    {
        // Arrange: SupplierA's own credentials, but TLS roots from a CA that did not issue the peer's certificate.
        var party = FabricNetwork.Profile.Parties["SupplierA"];
        var user = FabricNetwork.Profile.Org(party.MspId).Users[party.User];
        var (strangeCa, _, _) = MintedCertificates.IssueFromStrangeCa("nobody");
        using var gateway = new AdHocGateway(party.MspId, party.MspId, File.ReadAllText(user.Certificate), File.ReadAllText(user.Key), M.Clock, tlsRootsPem: strangeCa);

        // Act
        var refusal = Assert.CatchAsync<GatewayException>(() => gateway.Bills.ListPartiesAsync(ct));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(refusal!.StatusCode, Is.AnyOf(StatusCode.Unavailable, StatusCode.Internal), refusal.Message);
            Assert.That(refusal.Message, Does.Contain("SSL").Or.Contain("certificate"), "the client names the TLS failure");
        });
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task BillChaincodeService_ClientCertificateFromAnotherCa_Refused(CancellationToken ct)
    {
        // Arrange: the bill service's CA as trust (so the client would accept the server), and a client
        // certificate a strange CA issued, as someone who is not a peer might present.
        var tls = Path.Combine(Repository.NetworkState, ".run", "deploy", BillTransactions.ChaincodeName, "tls");
        var (_, certificatePem, keyPem) = MintedCertificates.IssueFromStrangeCa("peer0.impostor.example.com");
        using var certificate = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        using var channel = GatewayChannel.ForAddress($"https://127.0.0.1:{10003 + Repository.PortOffset}", new GatewayChannelOptions
        {
            TlsRootCertificatesPem = await File.ReadAllTextAsync(Path.Combine(tls, "ca.crt"), ct),
            ClientCertificate = certificate,
        });
        var client = new Hyperledger.Fabric.Protos.Peer.Chaincode.ChaincodeClient(channel);

        // Act
        using var call = client.Connect(cancellationToken: ct);
        var refusal = Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext(ct));
        var stillServing = await M.SupplierA.Bills.ListPartiesAsync(ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(refusal!.StatusCode, Is.AnyOf(StatusCode.Unavailable, StatusCode.Internal), refusal.Message);
            Assert.That(stillServing, Is.Not.Empty, "the peers' own connections are unaffected");
        });
    }
}
