using FabricFinance.Bills;

namespace FabricFinance.Monitor.ReadModel;

/// <summary>The rate of one discount or rediscount deal, as its private terms set it, on the business day it was requested.</summary>
/// <param name="DealId">The deal.</param>
/// <param name="BillId">The bill the deal sells.</param>
/// <param name="Kind">Discount or rediscount.</param>
/// <param name="BusinessDay">The business day the deal was requested.</param>
/// <param name="RateBps">The annual discount rate in basis points.</param>
/// <param name="BlockNumber">The block of the request.</param>
/// <param name="TransactionIndex">The request's position in its block.</param>
public sealed record DealPricing(
    string DealId, string BillId, DealKind Kind, DateOnly BusinessDay, int RateBps, long BlockNumber, int TransactionIndex);
