using System.Text.Json.Serialization;

namespace FabricFinance.Bills;

/// <summary>
/// The public record of a discount or rediscount deal. Its terms are private: only
/// <see cref="TermsHash"/> is public. The first twelve members are the rulebook's; the last two are
/// this project's additions, documented in docs/bills.md.
/// </summary>
/// <param name="Id">Client-chosen deal id, <c>[A-Za-z0-9_-]{1,64}</c>.</param>
/// <param name="Kind">Discount or rediscount.</param>
/// <param name="BillId">The bill sold (for a partial amount, the sub-bill <c>{id}.1</c>).</param>
/// <param name="Seller">The holder that sells.</param>
/// <param name="Buyer">The bank that buys.</param>
/// <param name="Amount">The face value sold, in fen.</param>
/// <param name="Status">Where the deal is.</param>
/// <param name="RequestDate">Business date of the request.</param>
/// <param name="AcceptDate">Business date of the buyer's acceptance, or <see langword="null"/>.</param>
/// <param name="SettleDate">Business date of settlement, or <see langword="null"/>.</param>
/// <param name="TermsHash">Lowercase hex SHA-256 of the canonical terms JSON as it stands (<see cref="DealTerms.ComputeHash"/>).</param>
/// <param name="Version">1 when created, one more on every change.</param>
/// <param name="UpdateDate">Business date of the last change; a later transaction may not be dated earlier.</param>
/// <param name="Reason">The reason given when the deal was rejected or cancelled, otherwise <see langword="null"/>.</param>
public sealed record Deal(
    string Id,
    DealKind Kind,
    string BillId,
    string Seller,
    string Buyer,
    long Amount,
    DealStatus Status,
    DateOnly? RequestDate,
    DateOnly? AcceptDate,
    DateOnly? SettleDate,
    string TermsHash,
    long Version,
    DateOnly UpdateDate,
    string? Reason)
{
    /// <summary>Gets a value indicating whether the deal is still open (requested or accepted).</summary>
    [JsonIgnore]
    public bool IsOpen => Status is DealStatus.Requested or DealStatus.Accepted;
}
