using FabricFinance.Bills;

namespace FabricFinance.Monitor.ReadModel;

/// <summary>Filters and a page for <see cref="IMonitorQueries.QueryDealsAsync"/>; null filters match everything.</summary>
/// <param name="BillId">Only deals on this bill.</param>
/// <param name="Status">Only deals in this status.</param>
/// <param name="Offset">How many matching deals to skip (0 or more).</param>
/// <param name="Limit">How many to return (1–200).</param>
public sealed record DealQuery(string? BillId = null, DealStatus? Status = null, int Offset = 0, int Limit = 50);
