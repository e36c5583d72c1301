namespace FabricFinance.Bills;

/// <summary>One page of <c>ListBills</c>, ordered by bill id.</summary>
/// <param name="Bills">The bills on this page.</param>
/// <param name="Bookmark">Pass it to get the next page; empty after the last page.</param>
public sealed record BillPage(IReadOnlyList<Bill> Bills, string Bookmark);
