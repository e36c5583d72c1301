using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Web.Internal;

/// <summary>The body of <c>/api/deals</c>: one page of deals with their terms.</summary>
/// <param name="Deals">The deals, newest request first.</param>
/// <param name="Offset">The page's offset.</param>
/// <param name="Limit">The page's size; fewer deals than this means the last page.</param>
internal sealed record DealListPage(IReadOnlyList<DealView> Deals, int Offset, int Limit);
