using FabricFinance.Bills.Client;
using FabricFinance.Client;
using FabricFinance.Client.Identity;
using Grpc.Net.Client;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// One client session of a party for the fault scenarios: its own gRPC channel and gateway, with
/// deadlines short enough that a transaction caught by a fault fails within seconds instead of
/// waiting out the default minute for a commit status, and the system clock as business date.
/// </summary>
internal sealed class LoadSession : IDisposable
{
    /// <summary>How long a session waits for a commit status before giving up (a typed <c>CommitStatusException</c>).</summary>
    public static readonly TimeSpan CommitStatusTimeout = TimeSpan.FromSeconds(10);

    private readonly GrpcChannel _channel;
    private readonly Gateway _gateway;

    private LoadSession(string partyId, string mspId, string user, string gatewayMspId)
    {
        var profile = FabricNetwork.Profile;
        var peer = profile.PeerOf(gatewayMspId);
        var credentials = profile.Org(mspId).Users[user];
        PartyId = partyId;
        GatewayMspId = gatewayMspId;
        _channel = GatewayChannel.ForAddress(
            "https://" + peer.Address,
            new GatewayChannelOptions { TlsRootCertificatesPem = File.ReadAllText(peer.TlsCaCert) });
        _gateway = Gateway.Connect(
            _channel,
            X509Identity.FromPem(mspId, File.ReadAllText(credentials.Certificate)),
            new GatewayOptions
            {
                Signer = Signers.NewPrivateKeySigner(File.ReadAllText(credentials.Key)),
                EndorseTimeout = TimeSpan.FromSeconds(10),
                SubmitTimeout = TimeSpan.FromSeconds(5),
                CommitStatusTimeout = CommitStatusTimeout,
                EvaluateTimeout = TimeSpan.FromSeconds(5),
            });
        Network = _gateway.GetNetwork(profile.Channel);
        Bills = Network.GetBillMarket();
    }

    /// <summary>Gets the party this session acts for.</summary>
    public string PartyId { get; }

    /// <summary>Gets the MSP whose peer is this session's gateway.</summary>
    public string GatewayMspId { get; }

    public Network Network { get; }

    public BillMarketClient Bills { get; }

    /// <summary>A session of an enterprise of network.config's PARTIES (a bank's client user), through <paramref name="gatewayMspId"/>'s peer or its own bank's.</summary>
    public static LoadSession Enterprise(string partyId, string? gatewayMspId = null)
    {
        var party = FabricNetwork.Profile.Parties[partyId];
        return new LoadSession(partyId, party.MspId, party.User, gatewayMspId ?? party.MspId);
    }

    /// <summary>A session of an institution (its org's <paramref name="user"/>) through its own peer.</summary>
    public static LoadSession Institution(string partyId, string mspId, string user = "User1") => new(partyId, mspId, user, mspId);

    public override string ToString() => $"{PartyId} via {GatewayMspId}";

    public void Dispose()
    {
        _gateway.Dispose();
        _channel.Dispose();
    }
}
