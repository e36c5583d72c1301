namespace FabricFinance.Bills;

/// <summary>The filter of <c>ListBills</c>; every criterion is optional and they combine with AND.</summary>
/// <param name="Holder">Only bills this party holds.</param>
/// <param name="Status">Only bills in this status.</param>
/// <param name="Acceptor">Only bills this party accepted (or is to accept).</param>
/// <param name="DueFrom">Only bills due on or after this date.</param>
/// <param name="DueTo">Only bills due on or before this date.</param>
public sealed record BillFilter(
    string? Holder = null,
    BillStatus? Status = null,
    string? Acceptor = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null)
{
    /// <summary>Gets the filter that lets every bill through.</summary>
    public static BillFilter All { get; } = new();
}
