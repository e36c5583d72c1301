using System.Globalization;
using FabricFinance.Bills.Cli.Output;
using Spectre.Console;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// The demo's own tables, sized for an 80-column terminal: a bill and its parts with their fen ranges, a trail and a
/// history with the block of each transaction.
/// </summary>
internal static class DemoTables
{
    /// <summary>A bill and the parts it split into: who holds which fen.</summary>
    public static void Parts(IAnsiConsole console, string title, IEnumerable<Bill> bills)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("bill", "status", "holder", "amount", "fen range");
        table.Columns[3].RightAligned();
        foreach (var b in bills)
        {
            table.AddRow(Cells(b.Id, b.Status.ToString(), b.Status == BillStatus.Split ? "-" : b.Holder, Money.Yuan(b.Amount), Range(b)));
        }

        console.Write(table);
    }

    /// <summary>The admitted parties, and who acts for each: any client of its MSP, or the one certificate named.</summary>
    public static void Parties(IAnsiConsole console, IReadOnlyList<Party> parties)
    {
        var table = new Table().AddColumns("party", "kind", "status", "msp", "acts for it");
        foreach (var p in parties)
        {
            table.AddRow(Cells(
                p.Id,
                p.Kind.ToString().ToLowerInvariant(),
                p.Status.ToString().ToLowerInvariant(),
                p.MspId,
                p.Subject is null ? "any client of the MSP" : CommonName(p.Subject)));
        }

        console.Write(table);
    }

    /// <summary>The transfers of a bill, oldest first, with the block each one committed in.</summary>
    public static void Trail(IAnsiConsole console, Bill bill, Func<string, ulong?> blockOf)
    {
        var table = new Table().Title($"trail of {Markup.Escape(bill.Id)}").AddColumns("#", "type", "from → to", "date", "block", "tx");
        var i = 0;
        foreach (var t in bill.Trail)
        {
            table.AddRow(Cells(
                Format.Number(++i), t.Type.ToString().ToLowerInvariant(), $"{t.From} → {t.To}", Format.Date(t.Date), Block(blockOf(t.TxId)), Format.ShortTx(t.TxId)));
        }

        console.Write(table);
    }

    /// <summary>Every version of a bill, oldest first: its status, holder and business date, block and transaction.</summary>
    public static void History(IAnsiConsole console, string billId, IReadOnlyList<BillHistoryEntry> history, Func<string, ulong?> blockOf)
    {
        var table = new Table().Title($"history of {Markup.Escape(billId)}").AddColumns("v", "status", "holder", "date", "block", "tx");
        foreach (var entry in history)
        {
            var v = entry.Value;
            table.AddRow(Cells(
                v is null ? "-" : Format.Number(v.Version),
                entry.IsDelete ? "(deleted)" : v?.Status.ToString() ?? "-",
                v?.Holder ?? "-",
                v is null ? "-" : Format.Date(v.UpdateDate),
                Block(blockOf(entry.TxId)),
                Format.ShortTx(entry.TxId)));
        }

        console.Write(table);
    }

    /// <summary><c>3.20%</c>, from basis points, in integers.</summary>
    public static string Rate(int rateBps) => string.Create(CultureInfo.InvariantCulture, $"{rateBps / 100}.{rateBps % 100:00}%");

    /// <summary>The computed terms in one phrase: <c>77 days, interest …, payout …</c>.</summary>
    public static string Terms(DealTerms terms) =>
        $"{Rate(terms.RateBps)} a year, {terms.Days?.ToString(CultureInfo.InvariantCulture) ?? "?"} days, "
        + $"interest {(terms.Interest is { } i ? Money.Yuan(i) : "-")}, payout {(terms.Payout is { } p ? Money.Yuan(p) : "-")}";

    /// <summary>The CN of a subject (<c>CN=User3@banka.example.com,OU=client,…</c>), enough to tell the certificates apart.</summary>
    public static string CommonName(string subject)
    {
        var start = subject.IndexOf("CN=", StringComparison.Ordinal);
        if (start < 0)
        {
            return subject;
        }

        var end = subject.IndexOf(',', start);
        return end < 0 ? subject[start..] : subject[start..end];
    }

    private static string Range(Bill bill) =>
        bill.Range.Count == 2 ? string.Create(CultureInfo.InvariantCulture, $"{bill.Range[0]:#,0} .. {bill.Range[1]:#,0}") : string.Join(" .. ", bill.Range.Select(Format.Number));

    private static string Block(ulong? block) => block is { } b ? Format.Number(b) : "-";

    private static Text[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];
}
