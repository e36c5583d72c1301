using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>
/// A bill (or a sub-bill split from one) as the ledger keeps it. The first sixteen members are the
/// rulebook's; the last five are this project's additions, documented in docs/bills.md.
/// </summary>
/// <param name="Id">Client-chosen id, or a derived id for a sub-bill (<c>{parent}.1</c>, <c>{parent}.2</c>).</param>
/// <param name="Kind">Bank or commercial acceptance bill.</param>
/// <param name="Drawer">The enterprise party that issued it.</param>
/// <param name="Payee">The enterprise party it was issued to.</param>
/// <param name="Acceptor">The party that promises to pay at maturity.</param>
/// <param name="Amount">Face value of this bill in fen (1 to 10^13).</param>
/// <param name="Currency">Always <c>CNY</c>.</param>
/// <param name="IssueDate">Business date of the issuing transaction.</param>
/// <param name="DueDate">Maturity date.</param>
/// <param name="Transferable">False marks a bill that may not be endorsed, discounted or rediscounted.</param>
/// <param name="Holder">The party that holds it now.</param>
/// <param name="Status">Where it is in its life.</param>
/// <param name="Range">Its interval of fen <c>[start, end]</c> within the issued bill; an issued bill is <c>[1, amount]</c>.</param>
/// <param name="Parent">The bill it was split from, or <see langword="null"/>.</param>
/// <param name="Trail">Its transfers, oldest first; a sub-bill starts with its parent's.</param>
/// <param name="Version">1 when created, one more on every change.</param>
/// <param name="UpdateDate">Business date of the last change; a later transaction may not be dated earlier.</param>
/// <param name="FrozenFrom">The status to restore when a frozen bill is unfrozen; <see langword="null"/> unless frozen.</param>
/// <param name="DealId">The open deal that locks the bill; <see langword="null"/> unless <see cref="BillStatus.InDeal"/>.</param>
/// <param name="PaymentRef">The acceptor's payment reference once paid, otherwise <see langword="null"/>.</param>
/// <param name="Reason">The reason given by the last cancel, rejection, dishonor, freeze or unfreeze, otherwise <see langword="null"/>.</param>
public sealed record Bill(
    string Id,
    BillKind Kind,
    string Drawer,
    string Payee,
    string Acceptor,
    long Amount,
    string Currency,
    DateOnly IssueDate,
    DateOnly DueDate,
    bool Transferable,
    string Holder,
    BillStatus Status,
    IReadOnlyList<long> Range,
    string? Parent,
    IReadOnlyList<Transfer> Trail,
    long Version,
    DateOnly UpdateDate,
    BillStatus? FrozenFrom,
    string? DealId,
    string? PaymentRef,
    string? Reason)
{
    /// <summary>Gets a value indicating whether the bill can never change again.</summary>
    [JsonIgnore]
    public bool IsFinal => Status is BillStatus.Paid or BillStatus.Cancelled or BillStatus.Dishonored or BillStatus.Split;
}
