namespace FabricFinance.Bills;

/// <summary>One version of a bill, as <c>GetBillHistory</c> returns it (oldest first).</summary>
/// <param name="TxId">The transaction that wrote this version.</param>
/// <param name="Timestamp">That transaction's timestamp, RFC 3339 in UTC with milliseconds (<c>2026-11-27T03:06:37.469Z</c>).</param>
/// <param name="IsDelete">Whether the transaction deleted the bill (the contract never does).</param>
/// <param name="Value">The bill as of this version; <see langword="null"/> for a delete.</param>
public sealed record BillHistoryEntry(string TxId, string Timestamp, bool IsDelete, Bill? Value);
