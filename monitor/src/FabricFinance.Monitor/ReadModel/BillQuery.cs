using FabricFinance.Bills;

namespace FabricFinance.Monitor.ReadModel;

/// <summary>Filters and a page for <see cref="IMonitorQueries.QueryBillsAsync"/>; null filters match everything.</summary>
/// <param name="Status">Only bills in this status.</param>
/// <param name="Holder">Only bills this party holds.</param>
/// <param name="DueFrom">Only bills due on or after this day.</param>
/// <param name="DueTo">Only bills due on or before this day.</param>
/// <param name="Offset">How many matching bills to skip (0 or more).</param>
/// <param name="Limit">How many to return (1–200).</param>
public sealed record BillQuery(
    BillStatus? Status = null,
    string? Holder = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    int Offset = 0,
    int Limit = 50);
