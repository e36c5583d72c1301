namespace FabricFinance.Bills;

/// <summary>The transient <c>settlement</c> of <c>SettleDeal</c>: the exchange's reference of the payment.</summary>
/// <param name="PaymentRef">Reference of the off-ledger payment, <c>[A-Za-z0-9_.:/-]{1,64}</c>.</param>
public sealed record Settlement(string PaymentRef);
