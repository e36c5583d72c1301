using FabricFinance.Monitor.ReadModel;

namespace FabricFinance.Monitor.Web.Internal;

/// <summary>The body of <c>/api/alerts</c>: alerts after a sequence number.</summary>
/// <param name="Alerts">The alerts, oldest first.</param>
/// <param name="After">The sequence number they follow.</param>
/// <param name="Limit">The most alerts one page holds.</param>
internal sealed record AlertListPage(IReadOnlyList<MarketAlert> Alerts, long After, int Limit);
