using System.Globalization;
using System.Text;
using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Resilience.Hostile;

/// <summary>
/// Hostile calls for the real network, from a seed: the in-memory run's kinds of breakage
/// (tests/FabricFinance.Bills.Tests/Hostile) in a smaller set, plus what only a real client can send:
/// arguments that are not UTF-8 on the wire. Each starts from a call that makes sense for the
/// arranged bills and deal and breaks one rule of form, so the only right answer is
/// <c>INVALID_ARGUMENT</c>. Transactions that could harm the shared ledger if a breakage failed to
/// break them (RegisterParty, SetPartyStatus) are left to the in-memory run.
/// </summary>
internal sealed class NetworkHostileGenerator
{
    private static readonly string[] BadIds =
    [
        "", " ", "a b", "B1\0", "B1\n", "\u202eB1", "../B1", new string('x', 65), "Ｂ１", "😀", "B1.3", "%00", "B1\r\nX: 1", "<script>", "B1'",
    ];

    private static readonly string[] BadJson =
    [
        "", "{", "{\"id\":", "{'id':'x'}", "[]", "null", "42", "{\"a\":1,}", "{}{}", "\ufeff{}", "{\"a\":NaN}", "{\"a\":\"\\ud800\"}", "{\"a\":01}",
    ];

    private static readonly string[] BadAmounts = ["-1", "0", "10000000000001", "9223372036854775808", "1.5", "1e3", "\"100\"", "true", "null"]; // null last

    private static readonly string[] BadDates = ["\"2027-02-30\"", "\"2027-13-01\"", "\"27-06-01\"", "\"\"", "20270601", "\"9999-12-31\"", "\"2027-06-01T00:00:00\""];

    private static readonly string[] BadAmountTexts = ["abc", "-1", "0", "1.5", " 100", "100\0", "9223372036854775808", "١٠٠", "+-1"];

    private static readonly string[] UnknownFunctions =
    [
        "Nope", "issueBill", "IssueBill ", "bills:Nope", "nosuch:IssueBill", "org.hyperledger.fabric:Nope", ":IssueBill", "bills::IssueBill",
        "IssueBill\0", "AfterTransactionAsync", "FormatArgumentError", "GetType", "ToString", "BILLS:GetBill", "😀",
    ];

    private static readonly byte[][] NotUtf8 = [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]];

    private readonly Random _random;
    private readonly List<Template> _templates;

    public NetworkHostileGenerator(int seed, Market market, string activeBill, string pendingBill, string requestedDeal, DateOnly dueDate)
    {
        _random = new Random(seed);
        var due = dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var issue = $"{{\"id\":\"{Market.NewId("hostile")}\",\"kind\":\"bank\",\"payee\":\"SupplierA\",\"acceptor\":\"BankA\",\"amount\":1000,\"dueDate\":\"{due}\",\"transferable\":true}}";
        var deal = $"{{\"dealId\":\"{Market.NewId("hostile-d")}\",\"billId\":\"{activeBill}\",\"buyer\":\"BankA\",\"amount\":400}}";
        _templates =
        [
            new("IssueBill", market.CoreCorp, [issue], Json: 0),
            new("AcceptBill", market.BankA, [pendingBill], Ids: [0]),
            new("RejectAcceptance", market.BankA, [pendingBill, "no"], Ids: [0]),
            new("CancelBill", market.CoreCorp, [pendingBill], Ids: [0]),
            new("EndorseBill", market.SupplierA, [activeBill, "SupplierB", "100"], Ids: [0, 1], Amount: 2),
            new("RequestDiscount", market.SupplierA, [deal], Json: 0, TransientKey: "terms"),
            new("AcceptDeal", market.BankA, [requestedDeal], Ids: [0]),
            new("RejectDeal", market.BankA, [requestedDeal, "no"], Ids: [0]),
            new("CancelDeal", market.SupplierA, [requestedDeal, "no"], Ids: [0]),
            new("SettleDeal", market.Exchange, [requestedDeal], Ids: [0], TransientKey: "settlement"),
            new("PayBill", market.BankA, [activeBill, "PAID-1"], Ids: [0]),
            new("FreezeBill", market.Exchange, [activeBill, "court order"], Ids: [0]),
            new("GetBill", market.SupplierB, [activeBill], Ids: [0], Query: true),
            new("GetBillHistory", market.SupplierB, [activeBill], Ids: [0], Query: true),
            new("ListBills", market.SupplierB, ["{}", "10", string.Empty], Json: 0, Query: true),
            new("GetParty", market.SupplierB, ["BankA"], Ids: [0], Query: true),
            new("GetDeal", market.SupplierB, [requestedDeal], Ids: [0], Query: true),
            new("GetDealTerms", market.Regulator, [requestedDeal], Ids: [0], Query: true),
        ];
    }

    /// <summary>Generates the calls; about one in <paramref name="submitOneIn"/> transactions is submitted, the rest evaluated.</summary>
    public IEnumerable<NetworkHostileCall> Generate(int count, int submitOneIn)
    {
        for (var i = 0; i < count; i++)
        {
            NetworkHostileCall? call = null;
            while (call is null)
            {
                call = Make(i, _templates[_random.Next(_templates.Count)], submitOneIn);
            }

            yield return call;
        }
    }

    private NetworkHostileCall? Make(int index, Template template, int submitOneIn)
    {
        var args = template.Arguments.Select(a => Encoding.UTF8.GetBytes(a)).ToList();
        var transient = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (template.TransientKey == "terms")
        {
            transient["terms"] = "{\"rateBps\":300}"u8.ToArray();
        }
        else if (template.TransientKey == "settlement")
        {
            transient["settlement"] = "{\"paymentRef\":\"PAY-1\"}"u8.ToArray();
        }

        var function = template.Function;
        string defect;
        switch (_random.Next(10))
        {
            case 0:
                if (_random.Next(2) == 0 && template.Minimum > 0)
                {
                    args.RemoveRange(template.Minimum - 1, args.Count - template.Minimum + 1);
                    defect = "too few arguments";
                }
                else
                {
                    args.AddRange(Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Encoding.UTF8.GetBytes(Pick(BadIds))));
                    defect = "too many arguments";
                }

                break;
            case 1 when template.Ids.Count > 0:
                var at = template.Ids[_random.Next(template.Ids.Count)];
                args[at] = Encoding.UTF8.GetBytes(Pick(BadIds));
                defect = $"argument {at} is not an id";
                break;
            case 2 when template.Json is { } json:
                args[json] = Encoding.UTF8.GetBytes(_random.Next(3) == 0 ? template.Arguments[json][..(template.Arguments[json].Length / 2)] : Pick(BadJson));
                defect = "not one JSON object";
                break;
            case 3 when template.Json is { } json:
                var depth = Pick(new[] { 65, 1_000, 10_000, 100_000 });
                args[json] = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
                defect = $"JSON nested {depth} levels";
                break;
            case 4 when template.Json is { } json && template.Function != "ListBills":
                var field = template.Function == "IssueBill" ? Pick(new[] { "amount", "dueDate", "kind", "extra" }) : Pick(new[] { "amount", "extra", "buyer" });
                var value = field switch
                {
                    "amount" => template.Function == "IssueBill" ? Pick(BadAmounts) : Pick(BadAmounts[..^1]), // a deal's amount may be null (the whole bill)
                    "dueDate" => Pick(BadDates),
                    "kind" => Pick(new[] { "\"bank \"", "\"BANK\"", "\"bank,commercial\"", "0", "null" }),
                    "buyer" => Pick(new[] { "1", "[]", "\"BankA\\n\"", "\"\"" }),
                    _ => "1",
                };
                args[json] = Encoding.UTF8.GetBytes(Replace(template.Arguments[json], field, value));
                defect = $"{field} {value}";
                break;
            case 5 when template.Amount is { } amount:
                args[amount] = Encoding.UTF8.GetBytes(Pick(BadAmountTexts));
                defect = "amount is not an amount";
                break;
            case 6 when args.Count > 0:
                var huge = _random.Next(4) == 0 ? 4 : 1;
                args[_random.Next(args.Count)] = Encoding.UTF8.GetBytes(new string('A', huge << 20));
                defect = $"{huge} MB argument";
                break;
            case 7 when args.Count > 0:
                var which = _random.Next(args.Count);
                args[which] = [.. args[which], .. Pick(NotUtf8)];
                defect = $"argument {which} is not UTF-8";
                break;
            case 8:
                function = Pick(UnknownFunctions);
                defect = "no such transaction";
                break;
            case 9 when template.TransientKey is { } key:
                transient[key] = Encoding.UTF8.GetBytes(key == "terms"
                    ? Pick(new[] { "", "{}", "{\"rateBps\":0}", "{\"rateBps\":10001}", "{\"rateBps\":1.5}", "{\"rateBps\":300,\"x\":1}", "[300]" })
                    : Pick(new[] { "", "{}", "{\"paymentRef\":\"PAY 1\"}", "{\"paymentRef\":1}", "\"PAY-1\"" }));
                defect = $"transient {key} malformed";
                break;
            default:
                return null;
        }

        if (_random.Next(4) == 0)
        {
            var junk = new byte[_random.Next(2048)];
            _random.NextBytes(junk);
            transient["junk-" + _random.Next(100).ToString(CultureInfo.InvariantCulture)] = junk;
        }

        return new NetworkHostileCall(index, template.Member, function, args, transient, !template.Query && _random.Next(submitOneIn) == 0, defect);
    }

    /// <summary>Replaces one field's raw value, or adds the field.</summary>
    private static string Replace(string json, string field, string value)
    {
        var start = json.IndexOf($"\"{field}\":", StringComparison.Ordinal);
        if (start < 0)
        {
            return json[..^1] + $",\"{field}\":{value}}}";
        }

        var from = start + field.Length + 3;
        var end = json.IndexOfAny([',', '}'], json[from] == '"' ? json.IndexOf('"', from + 1) : from);
        return json[..from] + value + json[end..];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private sealed record Template(
        string Function,
        MarketMember Member,
        IReadOnlyList<string> Arguments,
        int? Json = null,
        IReadOnlyList<int>? Ids = null,
        int? Amount = null,
        string? TransientKey = null,
        bool Query = false)
    {
        public IReadOnlyList<int> Ids { get; } = Ids ?? [];

        /// <summary>Gets the fewest arguments the transaction takes: all but EndorseBill's optional amount.</summary>
        public int Minimum => Arguments.Count - (Amount is null ? 0 : 1);
    }
}
