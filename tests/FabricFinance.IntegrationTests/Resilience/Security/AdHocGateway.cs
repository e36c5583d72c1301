using FabricFinance.Bills.Client;
using FabricFinance.Client;
using FabricFinance.Client.Identity;

namespace FabricFinance.IntegrationTests.Resilience.Security;

/// <summary>A gateway to an org's peer as an identity the network profile does not list (a minted certificate), or with other TLS trust.</summary>
internal sealed class AdHocGateway : IDisposable
{
    private readonly Grpc.Net.Client.GrpcChannel _channel;

    public AdHocGateway(string peerMspId, string mspId, string certificatePem, string keyPem, TimeProvider clock, string? tlsRootsPem = null)
    {
        var peer = FabricNetwork.Profile.PeerOf(peerMspId);
        _channel = GatewayChannel.ForAddress(
            "https://" + peer.Address,
            new GatewayChannelOptions { TlsRootCertificatesPem = tlsRootsPem ?? File.ReadAllText(peer.TlsCaCert) });
        Gateway = Gateway.Connect(_channel, X509Identity.FromPem(mspId, certificatePem), new GatewayOptions { Signer = Signers.NewPrivateKeySigner(keyPem), TimeProvider = clock });
        Bills = Gateway.GetNetwork(FabricNetwork.Profile.Channel).GetBillMarket();
    }

    public Gateway Gateway { get; }

    public BillMarketClient Bills { get; }

    public void Dispose()
    {
        Gateway.Dispose();
        _channel.Dispose();
    }
}
