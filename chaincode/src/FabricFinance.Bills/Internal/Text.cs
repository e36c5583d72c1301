using System.Globalization;
using System.Text;

namespace FabricFinance.Bills.Contract.Internal;

/// <summary>
/// How values appear in messages: culture-invariant, dates as <c>YYYY-MM-DD</c>, kinds by their JSON
/// names, free text quoted and shortened. Messages are part of a response, so they must be the same
/// on every endorser whatever its locale.
/// </summary>
internal static class Text
{
    private const int QuotedLength = 80;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Kind(PartyKind kind) => kind switch
    {
        PartyKind.Exchange => "exchange",
        PartyKind.Bank => "bank",
        PartyKind.Enterprise => "enterprise",
        PartyKind.Regulator => "regulator",
        _ => kind.ToString(),
    };

    public static string Kind(BillKind kind) => kind == BillKind.Bank ? "bank" : "commercial";

    public static string Kind(DealKind kind) => kind == DealKind.Discount ? "discount" : "rediscount";

    public static string Status(PartyStatus status) => status == PartyStatus.Active ? "active" : "suspended";

    /// <summary>Quotes a value from the arguments: at most 80 characters, control characters escaped.</summary>
    public static string Quote(string value)
    {
        var shown = value.Length <= QuotedLength ? value : value[..(char.IsHighSurrogate(value[QuotedLength - 4]) ? QuotedLength - 4 : QuotedLength - 3)] + "...";
        var builder = new StringBuilder(shown.Length + 2).Append('\'');
        foreach (var c in shown)
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
    }
}
