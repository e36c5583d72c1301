using System.Globalization;
using System.Text;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>Builds the string arguments and transient data of bill transactions from the shared model's records.</summary>
public static class Args
{
    /// <summary>A record as the one JSON argument of a transaction.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="value">The record.</param>
    /// <returns>Compact JSON.</returns>
    public static string Json<T>(T value) => Encoding.UTF8.GetString(BillJson.SerializeToUtf8Bytes(value));

    /// <summary>The argument of IssueBill.</summary>
    public static string Issue(string id, string payee, string acceptor, long amount, DateOnly dueDate, bool transferable = true, BillKind kind = BillKind.Bank) =>
        Json(new IssueBillRequest(id, kind, payee, acceptor, amount, dueDate, transferable));

    /// <summary>The argument of RequestDiscount and RequestRediscount.</summary>
    public static string Deal(string dealId, string billId, string buyer, long? amount = null) => Json(new DealRequest(dealId, billId, buyer, amount));

    /// <summary>A date as the contract reads it: <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number passed as its own argument: a decimal integer string.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The transient data of a deal request: <c>terms</c> = <c>{"rateBps":N}</c>.</summary>
    public static IReadOnlyDictionary<string, string> Terms(int rateBps) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { ["terms"] = "{\"rateBps\":" + Number(rateBps) + "}" };

    /// <summary>The transient data of a settlement: <c>settlement</c> = <c>{"paymentRef":"…"}</c>.</summary>
    public static IReadOnlyDictionary<string, string> Settlement(string paymentRef) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { ["settlement"] = "{\"paymentRef\":\"" + paymentRef + "\"}" };

    /// <summary>Transient data with one raw entry.</summary>
    public static IReadOnlyDictionary<string, string> Transient(string key, string value) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value };
}
