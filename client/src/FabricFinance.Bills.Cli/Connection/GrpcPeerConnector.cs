using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Client;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>Connects to a peer over TLS, trusting its org's TLS CA from network.json.</summary>
internal sealed class GrpcPeerConnector : IPeerConnector
{
    public PeerConnection Connect(PeerProfile peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        string caPem;
        try
        {
            caPem = File.ReadAllText(peer.TlsCaCert);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NetworkSetupException($"Cannot read the TLS CA certificate of {peer.Name} ({peer.TlsCaCert}): {ex.Message}", ex);
        }

        var address = peer.Address.Contains("://", StringComparison.Ordinal) ? peer.Address : "https://" + peer.Address;
        var channel = GatewayChannel.ForAddress(address, new GatewayChannelOptions { TlsRootCertificatesPem = caPem });
        return new PeerConnection(channel.CreateCallInvoker(), channel);
    }
}
