namespace FabricFinance.Bills;

/// <summary>The argument of <c>RequestDiscount</c> and <c>RequestRediscount</c>; the rate travels as transient data.</summary>
/// <param name="DealId">Deal id, <c>[A-Za-z0-9_-]{1,64}</c>, unique forever.</param>
/// <param name="BillId">The bill to sell (the caller holds it).</param>
/// <param name="Buyer">The bank party that buys.</param>
/// <param name="Amount">A partial amount to split off and sell, below the bill's amount; <see langword="null"/> sells the whole bill.</param>
public sealed record DealRequest(string DealId, string BillId, string Buyer, long? Amount = null);
