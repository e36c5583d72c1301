using FabricFinance.Bills.Client;
using FabricFinance.Client;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>A bill market client connected as one identity, with the gateway and channel to close afterwards.</summary>
internal sealed class MarketSession(
    BillMarketClient market,
    CliIdentity identity,
    NetworkProfile profile,
    IdentityDirectory identities,
    Gateway gateway,
    IDisposable? channel)
    : IAsyncDisposable
{
    public BillMarketClient Market { get; } = market;

    public CliIdentity Identity { get; } = identity;

    /// <summary>Gets the network's description.</summary>
    public NetworkProfile Profile { get; } = profile;

    /// <summary>Gets every name of the network, for commands that name another identity (<c>--subject-of</c>).</summary>
    public IdentityDirectory Identities { get; } = identities;

    public async ValueTask DisposeAsync()
    {
        await gateway.DisposeAsync().ConfigureAwait(false);
        channel?.Dispose();
    }
}
