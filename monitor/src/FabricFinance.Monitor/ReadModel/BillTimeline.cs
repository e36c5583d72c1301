using FabricFinance.Bills;

namespace FabricFinance.Monitor.ReadModel;

/// <summary>One bill's life.</summary>
/// <param name="Bill">The bill as the ledger holds it now.</param>
/// <param name="Activities">Every transaction that touched it, valid or not, in ledger order.</param>
/// <param name="Deals">Its deals with their terms, in request order.</param>
/// <param name="Alerts">The alerts raised on it, in feed order.</param>
public sealed record BillTimeline(
    Bill Bill, IReadOnlyList<BillActivity> Activities, IReadOnlyList<DealView> Deals, IReadOnlyList<MarketAlert> Alerts);
