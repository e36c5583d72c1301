using FabricFinance.Bills.Client;
using Spectre.Console;

namespace FabricFinance.Bills.Cli.Output;

/// <summary>The tables fabfin prints by default, one per record type.</summary>
internal static class Tables
{
    public static void Bill(IAnsiConsole console, Bill bill)
    {
        var table = Fields($"bill {bill.Id}");
        Row(table, "id", bill.Id);
        Row(table, "status", bill.Status + (bill.FrozenFrom is { } from ? $" (was {from})" : string.Empty));
        Row(table, "kind", Kind(bill.Kind));
        Row(table, "amount", $"{Money.Yuan(bill.Amount)} ({Format.Number(bill.Amount)} fen)");
        Row(table, "holder", bill.Holder);
        Row(table, "drawer", bill.Drawer);
        Row(table, "payee", bill.Payee);
        Row(table, "acceptor", bill.Acceptor);
        Row(table, "issued", Format.Date(bill.IssueDate));
        Row(table, "due", Format.Date(bill.DueDate));
        Row(table, "transferable", bill.Transferable ? "yes" : "no");
        Row(table, "range", string.Join(" .. ", bill.Range.Select(Format.Number)));
        Row(table, "parent", Format.OrDash(bill.Parent));
        Row(table, "deal", Format.OrDash(bill.DealId));
        Row(table, "payment ref", Format.OrDash(bill.PaymentRef));
        Row(table, "reason", Format.OrDash(bill.Reason));
        Row(table, "version", $"{Format.Number(bill.Version)} (updated {Format.Date(bill.UpdateDate)})");
        console.Write(table);
        if (bill.Trail.Count > 0)
        {
            var trail = new Table().Title("trail").AddColumns("#", "type", "from", "to", "amount", "date", "tx");
            var i = 0;
            foreach (var t in bill.Trail)
            {
                trail.AddRow(Cells(Format.Number(++i), Transfer(t.Type), t.From, t.To, Money.Yuan(t.Amount), Format.Date(t.Date), Format.ShortTx(t.TxId)));
            }

            console.Write(trail);
        }
    }

    public static void Bills(IAnsiConsole console, IReadOnlyList<Bill> bills)
    {
        var table = new Table().AddColumns("id", "status", "kind", "holder", "acceptor", "amount", "due", "v");
        foreach (var b in bills)
        {
            table.AddRow(Cells(b.Id, b.Status.ToString(), Kind(b.Kind), b.Holder, b.Acceptor, Money.Yuan(b.Amount), Format.Date(b.DueDate), Format.Number(b.Version)));
        }

        console.Write(table);
        console.MarkupLine($"[grey]{bills.Count} bill(s)[/]");
    }

    public static void History(IAnsiConsole console, IReadOnlyList<BillHistoryEntry> history)
    {
        var table = new Table().AddColumns("timestamp", "tx", "status", "holder", "v", "deleted");
        foreach (var entry in history)
        {
            table.AddRow(Cells(
                entry.Timestamp,
                Format.ShortTx(entry.TxId),
                entry.Value?.Status.ToString() ?? "-",
                entry.Value?.Holder ?? "-",
                entry.Value is { } v ? Format.Number(v.Version) : "-",
                entry.IsDelete ? "yes" : "no"));
        }

        console.Write(table);
    }

    public static void Deal(IAnsiConsole console, Deal deal)
    {
        var table = Fields($"deal {deal.Id}");
        Row(table, "id", deal.Id);
        Row(table, "status", deal.Status.ToString());
        Row(table, "kind", deal.Kind == DealKind.Discount ? "discount" : "rediscount");
        Row(table, "bill", deal.BillId);
        Row(table, "seller", deal.Seller);
        Row(table, "buyer", deal.Buyer);
        Row(table, "amount", $"{Money.Yuan(deal.Amount)} ({Format.Number(deal.Amount)} fen)");
        Row(table, "requested", Format.Date(deal.RequestDate));
        Row(table, "accepted", Format.Date(deal.AcceptDate));
        Row(table, "settled", Format.Date(deal.SettleDate));
        Row(table, "terms hash", deal.TermsHash);
        Row(table, "reason", Format.OrDash(deal.Reason));
        Row(table, "version", $"{Format.Number(deal.Version)} (updated {Format.Date(deal.UpdateDate)})");
        console.Write(table);
    }

    public static void Terms(IAnsiConsole console, DealTerms terms, Deal? verifiedAgainst)
    {
        var table = Fields("terms");
        Row(table, "rate", $"{terms.RateBps} bps a year");
        Row(table, "days", terms.Days is { } d ? Format.Number(d) : "- (until accepted)");
        Row(table, "interest", terms.Interest is { } i ? Money.Yuan(i) : "- (until accepted)");
        Row(table, "payout", terms.Payout is { } p ? Money.Yuan(p) : "- (until accepted)");
        Row(table, "payment ref", terms.PaymentRef ?? "- (until settled)");
        Row(table, "hash", terms.ComputeHash());
        console.Write(table);
        if (verifiedAgainst is not null)
        {
            console.MarkupLine($"[green]verified:[/] the hash is the public terms hash of deal {Markup.Escape(verifiedAgainst.Id)} (version {verifiedAgainst.Version})");
        }
    }

    public static void Party(IAnsiConsole console, Party party)
    {
        var table = Fields($"party {party.Id}");
        Row(table, "id", party.Id);
        Row(table, "kind", PartyKindText(party.Kind));
        Row(table, "status", party.Status == PartyStatus.Active ? "active" : "suspended");
        Row(table, "name", party.Name);
        Row(table, "msp", party.MspId);
        Row(table, "subject", party.Subject ?? "- (any client of the MSP)");
        console.Write(table);
    }

    public static void Parties(IAnsiConsole console, IReadOnlyList<Party> parties)
    {
        var table = new Table().AddColumns("id", "kind", "status", "msp", "name", "subject");
        foreach (var p in parties)
        {
            table.AddRow(Cells(p.Id, PartyKindText(p.Kind), p.Status == PartyStatus.Active ? "active" : "suspended", p.MspId, p.Name, Format.OrDash(p.Subject)));
        }

        console.Write(table);
    }

    public static void LedgerConfig(IAnsiConsole console, LedgerConfig config)
    {
        var table = Fields("ledger");
        Row(table, "exchange", $"{config.Exchange.Id} ({config.Exchange.Name}), {config.ExchangeMspId}");
        Row(table, "regulator", $"{config.Regulator.Id} ({config.Regulator.Name}), {config.RegulatorMspId}");
        console.Write(table);
    }

    /// <summary>The record, then where the ledger put the transaction.</summary>
    public static void Committed<T>(IAnsiConsole console, Committed<T> committed, Action<IAnsiConsole, T> record)
    {
        record(console, committed.Value);
        console.MarkupLine($"[green]committed[/] in block {committed.BlockNumber}, transaction {Markup.Escape(committed.TransactionId)}");
    }

    private static Table Fields(string title) => new Table().Title(Markup.Escape(title)).HideHeaders().AddColumns("field", "value");

    private static void Row(Table table, string field, string value) => table.AddRow(new Text(field, new Style(Color.Grey)), new Text(value));

    private static Text[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];

    private static string Kind(BillKind kind) => kind == BillKind.Bank ? "bank" : "commercial";

    private static string Transfer(TransferType type) => type.ToString().ToLowerInvariant();

    private static string PartyKindText(PartyKind kind) => kind.ToString().ToLowerInvariant();
}
