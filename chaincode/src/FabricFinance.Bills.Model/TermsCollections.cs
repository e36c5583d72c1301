namespace FabricFinance.Bills;

/// <summary>Names the private data collection that holds a deal's terms.</summary>
public static class TermsCollections
{
    /// <summary>The prefix of every terms collection.</summary>
    public const string Prefix = "terms_";

    /// <summary>
    /// <c>terms_X_Y</c> with the seller's and buyer's MSP ids in code-point order, or <c>terms_X</c>
    /// when both act for one MSP. Its members are those orgs, the exchange's and the regulator's.
    /// </summary>
    /// <param name="sellerMspId">The seller's MSP id.</param>
    /// <param name="buyerMspId">The buyer's MSP id.</param>
    /// <returns>The collection name.</returns>
    /// <exception cref="ArgumentException">An MSP id is empty.</exception>
    public static string For(string sellerMspId, string buyerMspId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sellerMspId);
        ArgumentException.ThrowIfNullOrEmpty(buyerMspId);
        var order = string.CompareOrdinal(sellerMspId, buyerMspId);
        return order == 0 ? Prefix + sellerMspId
            : order < 0 ? $"{Prefix}{sellerMspId}_{buyerMspId}"
            : $"{Prefix}{buyerMspId}_{sellerMspId}";
    }
}
