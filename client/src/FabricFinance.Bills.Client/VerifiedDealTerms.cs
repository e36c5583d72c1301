namespace FabricFinance.Bills.Client;

/// <summary>
/// A deal's private terms together with the public deal record whose <see cref="Deal.TermsHash"/> they were checked
/// against (<see cref="DealTerms.ComputeHash"/>).
/// </summary>
/// <param name="Deal">The public deal record, read in the same moment as the terms.</param>
/// <param name="Terms">The private terms; their hash equals <see cref="Deal.TermsHash"/>.</param>
public sealed record VerifiedDealTerms(Deal Deal, DealTerms Terms);
