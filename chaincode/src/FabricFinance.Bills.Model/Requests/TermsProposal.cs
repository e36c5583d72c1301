namespace FabricFinance.Bills;

/// <summary>The transient <c>terms</c> of a deal request: the seller's proposed rate.</summary>
/// <param name="RateBps">Annual discount rate in basis points, 1 to 10000.</param>
public sealed record TermsProposal(int RateBps);
