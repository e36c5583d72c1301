using FabricFinance.Bills.Client;
using FabricFinance.IntegrationTests.Infrastructure;

namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// One party of the bill market acting with its own identity through a gateway peer: its own
/// org's, except the regulator's, whose peer runs no chaincode (see <see cref="Market"/>).
/// </summary>
internal sealed class MarketMember : IDisposable
{
    private readonly GatewayConnection _connection;

    public MarketMember(string partyId, string mspId, string user, TimeProvider clock, string? peerMspId = null)
    {
        PartyId = partyId;
        MspId = mspId;
        User = user;
        _connection = new GatewayConnection(FabricNetwork.Profile, mspId, user, withSigner: true, peerMspId, clock);
        Bills = _connection.Network.GetBillMarket();
        Subject = PartySubject.FromPem(File.ReadAllText(FabricNetwork.Profile.Org(mspId).Users[user].Certificate));
    }

    /// <summary>Gets the party id this member acts for (or the identity's role, for admins).</summary>
    public string PartyId { get; }

    public string MspId { get; }

    public string User { get; }

    /// <summary>Gets the identity's certificate subject as the contract renders it.</summary>
    public string Subject { get; }

    /// <summary>Gets the typed bill client, with the market clock timestamping proposals.</summary>
    public BillMarketClient Bills { get; }

    public override string ToString() => $"{PartyId} ({User}@{MspId})";

    public void Dispose() => _connection.Dispose();
}
