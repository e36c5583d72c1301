using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FabricFinance.Bills.Client;

namespace FabricFinance.Bills.Cli.Output;

/// <summary>One line per event for <c>fabfin watch</c>: readable markup, or a JSON object with <c>--json</c>.</summary>
internal static class EventLines
{
    public static string Markup(BillMarketEvent e)
    {
        var head = $"[grey]block {e.BlockNumber} tx {Format.ShortTx(e.TransactionId)}[/] [bold]{Spectre.Console.Markup.Escape(e.EventName)}[/]";
        return head + " " + Spectre.Console.Markup.Escape(Describe(e));
    }

    public static string Describe(BillMarketEvent e) => e switch
    {
        BillEvent { Bill: var b } => $"bill {b.Id} {b.Status}, holder {b.Holder}, {Money.Yuan(b.Amount)}, v{b.Version}",
        DealEvent { Deal: var d } => $"deal {d.Id} {d.Status} ({(d.Kind == DealKind.Discount ? "discount" : "rediscount")}), bill {d.BillId}, {d.Seller} -> {d.Buyer}, {Money.Yuan(d.Amount)}, v{d.Version}",
        PartyEvent { Party: var p } => $"party {p.Id} {p.Kind.ToString().ToLowerInvariant()} {(p.Status == PartyStatus.Active ? "active" : "suspended")}, {p.MspId}",
        LedgerInitializedEvent { Config: var c } => $"exchange {c.Exchange.Id} ({c.ExchangeMspId}), regulator {c.Regulator.Id} ({c.RegulatorMspId})",
        UnknownBillMarketEvent u => $"({u.Payload.Length} bytes, unknown event)",
        _ => string.Empty,
    };

    /// <summary><c>{"event":…,"blockNumber":…,"transactionId":…,"payload":record}</c> on one line.</summary>
    public static string Json(BillMarketEvent e)
    {
        var line = new JsonObject
        {
            ["event"] = e.EventName,
            ["blockNumber"] = e.BlockNumber,
            ["transactionId"] = e.TransactionId,
            ["payload"] = Payload(e),
        };
        return line.ToJsonString();
    }

    private static JsonNode? Payload(BillMarketEvent e) => e switch
    {
        BillEvent b => CliJson.ToNode(b.Bill),
        DealEvent d => CliJson.ToNode(d.Deal),
        PartyEvent p => CliJson.ToNode(p.Party),
        LedgerInitializedEvent l => CliJson.ToNode(l.Config),
        UnknownBillMarketEvent u => Raw(u.Payload),
        _ => null,
    };

    private static JsonNode? Raw(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return JsonNode.Parse(payload.Span);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(payload.Span);
        }
    }
}
