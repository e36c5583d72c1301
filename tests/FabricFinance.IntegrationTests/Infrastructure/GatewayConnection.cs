using FabricFinance.Client;
using FabricFinance.Client.Identity;
using Grpc.Net.Client;

namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>
/// A gateway to a peer as one org's user, with the gRPC channel it owns: by default the user's own org's peer,
/// or another org's (<c>peerMspId</c>), e.g. to read what that peer holds. A <c>clock</c> other than
/// the system's timestamps the proposals (the chaincode's business date); keep event streams on a
/// connection with the system clock, since peers refuse deliver requests dated outside their time window.
/// </summary>
internal sealed class GatewayConnection : IDisposable
{
    public GatewayConnection(NetworkProfile profile, string mspId, string user, bool withSigner, string? peerMspId = null, TimeProvider? clock = null)
    {
        var peer = profile.PeerOf(peerMspId ?? mspId);
        var credentials = profile.Org(mspId).Users[user];
        Channel = GatewayChannel.ForAddress(
            "https://" + peer.Address,
            new GatewayChannelOptions { TlsRootCertificatesPem = File.ReadAllText(peer.TlsCaCert) });
        var identity = X509Identity.FromPem(mspId, File.ReadAllText(credentials.Certificate));
        Signer = Signers.NewPrivateKeySigner(File.ReadAllText(credentials.Key));
        Gateway = Gateway.Connect(Channel, identity, new GatewayOptions { Signer = withSigner ? Signer : null, TimeProvider = clock ?? TimeProvider.System });
        Network = Gateway.GetNetwork(profile.Channel);
    }

    public GrpcChannel Channel { get; }

    /// <summary>Gets the user's signer (also when the gateway itself was connected without one).</summary>
    public ISigner Signer { get; }

    public Gateway Gateway { get; }

    public Network Network { get; }

    public Contract Assets => Network.GetContract(FabricNetwork.ChaincodeName);

    public void Dispose()
    {
        Gateway.Dispose();
        Channel.Dispose();
    }
}
