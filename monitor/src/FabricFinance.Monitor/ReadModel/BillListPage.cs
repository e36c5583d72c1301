using FabricFinance.Bills;

namespace FabricFinance.Monitor.ReadModel;

/// <summary>One page of bills.</summary>
/// <param name="Bills">The bills on the page, ordered by due date then id.</param>
/// <param name="Total">How many bills the filters match in all.</param>
/// <param name="Offset">The page's offset.</param>
/// <param name="Limit">The page's size.</param>
public sealed record BillListPage(IReadOnlyList<Bill> Bills, int Total, int Offset, int Limit);
