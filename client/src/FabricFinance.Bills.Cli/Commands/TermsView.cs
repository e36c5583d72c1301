namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// What <c>deal terms</c> read: the terms, and the deal record they were verified against (none with
/// <c>--no-verify</c>).
/// </summary>
internal sealed record TermsView(DealTerms Terms, Deal? VerifiedAgainst);
