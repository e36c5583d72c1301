using Microsoft.Extensions.Logging;

namespace FabricFinance.Bills.Client;

/// <summary>Where the bill contract is deployed, and how a <see cref="BillMarketClient"/> logs.</summary>
public sealed class BillMarketClientOptions
{
    /// <summary>
    /// Gets or sets the chaincode name on the channel. The default is <see cref="BillTransactions.ChaincodeName"/>
    /// (<c>bills</c>).
    /// </summary>
    public string ChaincodeName { get; set; } = BillTransactions.ChaincodeName;

    /// <summary>
    /// Gets or sets the contract name within the chaincode, or <see langword="null"/> (the default) to call the
    /// chaincode's default contract by bare transaction names. The bill contract is the default contract, so both route.
    /// </summary>
    public string? ContractName { get; set; }

    /// <summary>
    /// Gets the MSP ids of the organizations whose peers should answer <c>GetDealTerms</c>; empty (the default) lets the
    /// gateway choose. A deal's terms live only on the peers of its terms collection (the seller's and buyer's orgs, the
    /// exchange's and the regulator's), and the gateway does not take collections into account when it picks a peer for a
    /// query, so an identity whose own peer does not hold them (the regulator's, whose peer runs no chaincode) names an
    /// org that does, such as the exchange's.
    /// </summary>
    public IList<string> DealTermsOrganizations { get; } = new List<string>();

    /// <summary>
    /// Gets or sets the logger factory. Each transaction is logged at <see cref="LogLevel.Debug"/>, each refusal and
    /// commit conflict at <see cref="LogLevel.Information"/>. <see langword="null"/> (the default) logs nothing.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
