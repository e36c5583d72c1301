using System.Text;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>
/// The catalog of hostile values: each one breaks the rule of the place it is put (an id, a reason,
/// a JSON amount, …), so a call carrying one can never succeed. Huge and deep values are built once.
/// </summary>
internal static class HostileValues
{
    /// <summary>A megabyte of letters.</summary>
    public static readonly string OneMegabyte = new('A', 1 << 20);

    /// <summary>Four megabytes of letters.</summary>
    public static readonly string FourMegabytes = new('B', 4 << 20);

    /// <summary>Ids that are not <c>[A-Za-z0-9_-]{1,64}</c> (and, for bills, not followed by <c>.1</c>/<c>.2</c> parts).</summary>
    public static readonly string[] Ids =
    [
        "", " ", "a b", "B1\0", "B1\n", "\u202eB1", "B1;DROP", "../B1", new string('x', 65), "\u00a0B1", "B1\u200b", "Ｂ１", "😀",
        "B1.3", "B1.", ".1", "%00", "\t", "\uffff", "B1\r\nX-Injected: 1", "<script>", "B1'", "B1\"", "B\\1", "*", "B1/2",
    ];

    /// <summary>Reasons (free text, 1 to 500 characters) that are empty, blank or too long.</summary>
    public static readonly string[] Reasons = ["", " ", "\t\n ", new string('r', 501), new string('é', 501), "😀" + new string('x', 500)];

    /// <summary>Payment references that are not <c>[A-Za-z0-9_.:/-]{1,64}</c>.</summary>
    public static readonly string[] PaymentRefs = ["", "PAY 1", "PAY\n1", new string('P', 65), "ПЛАТЁЖ", "PAY;1", "PAY\0", "PAY\"1"];

    /// <summary>Amounts passed as their own argument that are not 1 to 10^13 decimal integers.</summary>
    public static readonly string[] AmountTexts =
    [
        "", "abc", "-1", "0", "-0", "1.5", "1e3", "0x10", " 100", "100 ", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999", "١٠٠", "10000000000001", "NaN", "Infinity", "1_000", "--1", "1,000", "+-1", "100\0",
    ];

    /// <summary>Page sizes that are not 1 to 1000.</summary>
    public static readonly string[] PageSizes = ["0", "1001", "-1", "abc", "1.0", "2147483648", "", "1e2", "0x10"];

    /// <summary>Bookmarks that are not bill ids.</summary>
    public static readonly string[] Bookmarks = ["\0", "B1.3", new string('x', 65), " ", "B1/../B2", "\u0001"];

    /// <summary>Party statuses that are neither <c>active</c> nor <c>suspended</c>.</summary>
    public static readonly string[] PartyStatuses = ["Active", "ACTIVE", "frozen", "", "suspended ", "1", "0", "Suspended"];

    /// <summary>Amounts inside JSON that are out of range, overflow a long, or are not integers.</summary>
    public static readonly string[] JsonAmounts =
    [
        "-1", "0", "-0", "10000000000001", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e3", "1.5", "1.0",
        "\"100\"", "true", "[]", "{}", "1e400", "99999999999999999999999", "0100", "+100", "0x10", "NaN",
    ];

    /// <summary>Due dates (inside JSON) that do not exist, are malformed, or fall outside (issue date, issue date + 6 months].</summary>
    public static readonly string[] JsonDueDates =
    [
        "\"2026-02-30\"", "\"2026-13-01\"", "\"2026-00-10\"", "\"2026-6-1\"", "\"2026/06/01\"", "\"\"", "\"2026-06-01T00:00:00\"",
        "\"9999-12-31\"", "\"0001-01-01\"", "\"2026-03-02\"", "\"2026-09-03\"", "20260601", "null", "\"２０２６-06-01\"",
        "\" 2026-06-01\"", "\"2025-12-31\"", "\"2026-03-01\"", "\"+2026-06-01\"", "{}",
    ];

    /// <summary>Filter dates that are not dates.</summary>
    public static readonly string[] JsonFilterDates = ["\"2026-02-30\"", "\"tomorrow\"", "20260601", "\"2026-6-1\"", "true", "[]", "\"\""];

    /// <summary>JSON values of the wrong type for a string field.</summary>
    public static readonly string[] NotStrings = ["1", "true", "[]", "{}", "1.5", "[\"B1\"]"];

    /// <summary>JSON values of the wrong type for a boolean field.</summary>
    public static readonly string[] NotBooleans = ["\"true\"", "1", "0", "null", "\"yes\"", "[]", "True"];

    /// <summary>Bill kinds that are not <c>bank</c> or <c>commercial</c>.</summary>
    public static readonly string[] BillKinds = ["\"cheque\"", "0", "1", "null", "\"\"", "\"bank \"", "\"trade\"", "[\"bank\"]"];

    /// <summary>Party kinds that are not exchange, bank, enterprise or regulator.</summary>
    public static readonly string[] PartyKinds = ["\"admin\"", "2", "null", "\"\"", "\"peer\"", "\"bank,enterprise\""];

    /// <summary>MSP ids that are not <c>[A-Za-z0-9._-]{1,128}</c>.</summary>
    public static readonly string[] MspIds = ["\"\"", "\"Exchange MSP\"", "\"" + new string('M', 129) + "\"", "\"MSP\\n\"", "1", "null", "\"MSP/1\""];

    /// <summary>Display names that are empty, blank, or longer than 200 characters.</summary>
    public static readonly string[] Names = ["\"\"", "\"   \"", "\"" + new string('n', 201) + "\"", "null", "1"];

    /// <summary>Texts that are not JSON, or not one JSON object.</summary>
    public static readonly string[] MalformedJson =
    [
        "", " ", "{", "}", "{\"id\":", "{'id':'B9'}", "{id:\"B9\"}", "[]", "null", "true", "42", "\"str\"", "{\"a\":1,}", "{}{}", "{} x",
        "/*c*/{}", "{\"a\":NaN}", "\ufeff{}", "{\"id\":\"B9\0\"}", "{\"\\ud800\":1}", "{\"a\":\"\\x41\"}", "{\"a\" 1}", "{,}", "[{}]",
        "{\"a\":1}}", "{\"a\":[1,2}", "\"\\u0000\"", "{\"a\":01}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":tru}", "{\"a\":\"\n\"}",
    ];

    /// <summary>Transient terms that are missing a valid <c>rateBps</c> of 1 to 10000.</summary>
    public static readonly string[] Terms =
    [
        "", "{}", "{\"rateBps\":0}", "{\"rateBps\":-1}", "{\"rateBps\":10001}", "{\"rateBps\":1.5}", "{\"rateBps\":\"300\"}",
        "{\"rateBps\":null}", "{\"rateBps\":1e2}", "{\"rateBps\":2147483648}", "{\"rateBps\":300,\"extra\":1}",
        "{\"rateBps\":300,\"rateBps\":301}", "[300]", "null", "300", "{\"RateBps\":300}", "{\"rateBps\":300", "{\"rateBps\":[300]}",
    ];

    /// <summary>Transient settlements without a valid payment reference.</summary>
    public static readonly string[] Settlements =
    [
        "", "{}", "{\"paymentRef\":\"\"}", "{\"paymentRef\":\"PAY 1\"}", "{\"paymentRef\":\"" + new string('P', 65) + "\"}",
        "{\"paymentRef\":1}", "{\"paymentRef\":null}", "{\"paymentRef\":\"PAY-1\",\"amount\":5}", "[\"PAY-1\"]", "\"PAY-1\"",
        "{\"paymentRef\":\"PAY-1\",\"paymentRef\":\"PAY-2\"}", "{\"PaymentRef\":\"PAY-1\"}",
    ];

    /// <summary>Byte sequences that are not UTF-8: lone continuation, overlong NUL, encoded surrogate, beyond U+10FFFF, truncated.</summary>
    public static readonly byte[][] InvalidUtf8 =
    [
        [0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80], [0x42, 0x31, 0xfe],
        [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3], [0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d],
    ];

    /// <summary>Function names the bill chaincode has no transaction for (nor may have: no hooks, no reflection).</summary>
    public static readonly string[] UnknownFunctions =
    [
        "Nope", "issueBill", "IssueBill ", " IssueBill", "bills:Nope", "nosuch:IssueBill", "org.hyperledger.fabric:Nope",
        "org.hyperledger.fabric:getMetadata", "", ":", "::IssueBill", "bills:", "bills::IssueBill", "\0", "IssueBill\0", "😀",
        "InitLedger\n", "_IssueBill", "BillContract.IssueBill", "AfterTransactionAsync", "FormatArgumentError",
        "UnknownTransactionAsync", "BeforeTransactionAsync", "Emit", "RequireBillAsync", "GetType", "ToString", "Equals",
        "GetHashCode", "Finalize", "MemberwiseClone", "bills:bills:IssueBill", "BILLS:IssueBill", "Bills:IssueBill",
        "org.hyperledger.fabric:GetMetadata:x", "GetMetadata", "init", "Init", "invoke", "Invoke",
    ];

    /// <summary>Nesting depths of the deep JSON cases.</summary>
    public static readonly int[] Depths = [65, 100, 1_000, 10_000, 100_000];

    private static readonly Dictionary<(int Depth, int Shape), string> DeepCache = [];

    /// <summary>JSON nested <paramref name="depth"/> levels: arrays, objects, or unbalanced openers.</summary>
    public static string Deep(int depth, int shape)
    {
        lock (DeepCache)
        {
            if (!DeepCache.TryGetValue((depth, shape), out var text))
            {
                var builder = new StringBuilder(depth * 6);
                text = shape switch
                {
                    0 => builder.Append('[', depth).Append(']', depth).ToString(),
                    1 => builder.Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString(),
                    2 => builder.Append('[', depth).ToString(),
                    _ => builder.Append("{\"id\":").Insert(6, "[", depth).Append("\"B9\"").Append(']', depth).Append('}').ToString(),
                };
                DeepCache[(depth, shape)] = text;
            }

            return text;
        }
    }

    /// <summary>A string as a JSON string literal (non-ASCII and control characters escaped).</summary>
    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
