using FabricFinance.Bills;

namespace FabricFinance.Monitor.ReadModel;

/// <summary>
/// One transaction of the bill chaincode as it touched one bill: an entry of that bill's timeline, and what the alert
/// rules look at. A transaction that wrote several bills (a split writes the parent and its parts) gives one activity
/// per bill; a transaction the peers marked invalid gives one per bill its write set named, with no state after it.
/// </summary>
/// <param name="BillId">The bill the transaction touched.</param>
/// <param name="BlockNumber">The block that holds the transaction.</param>
/// <param name="TransactionIndex">The transaction's position in its block.</param>
/// <param name="TransactionId">The Fabric transaction id.</param>
/// <param name="Timestamp">The transaction's timestamp, from its channel header (the submitter's clock, which the
/// contract also reads).</param>
/// <param name="BusinessDay">The business day of <paramref name="Timestamp"/> (<see cref="BusinessCalendar"/>, UTC+8).</param>
/// <param name="Function">The contract transaction that was called, e.g. <c>EndorseBill</c>.</param>
/// <param name="EventName">The chaincode event the transaction emitted (<see cref="BillEvents"/>); null for an
/// invalid transaction.</param>
/// <param name="Creator">Who submitted the transaction.</param>
/// <param name="ValidationCode">The peers' validation code name, e.g. <c>Valid</c> or <c>MvccReadConflict</c>.</param>
/// <param name="Bill">The bill as the transaction left it; null when the transaction was invalid.</param>
/// <param name="Deal">The deal the transaction wrote, when it wrote one.</param>
/// <param name="Terms">The deal's private terms, when the transaction wrote them and the regulator could read them.</param>
public sealed record BillActivity(
    string BillId,
    long BlockNumber,
    int TransactionIndex,
    string TransactionId,
    DateTimeOffset Timestamp,
    DateOnly BusinessDay,
    string Function,
    string? EventName,
    Submitter Creator,
    string ValidationCode,
    Bill? Bill,
    Deal? Deal,
    DealTerms? Terms)
{
    /// <summary>The validation code of a transaction whose writes were applied.</summary>
    public const string ValidCode = "Valid";

    /// <summary>Gets a value indicating whether the peers committed the transaction as valid.</summary>
    public bool IsValid => ValidationCode == ValidCode;
}
