using FabricFinance.Client;

namespace FabricFinance.Bills.Client;

/// <summary>Creates a <see cref="BillMarketClient"/> from a <see cref="Network"/>.</summary>
public static class BillMarketNetworkExtensions
{
    /// <summary>
    /// Gets a typed client of the bill contract deployed on this channel, acting as the network's gateway identity.
    /// </summary>
    /// <param name="network">The channel.</param>
    /// <param name="options">
    /// The chaincode and contract names and the logger factory; the defaults when <see langword="null"/>.
    /// </param>
    /// <returns>The client. No call is made.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> names no chaincode or an invalid contract.</exception>
    public static BillMarketClient GetBillMarket(this Network network, BillMarketClientOptions? options = null) => new(network, options);
}
