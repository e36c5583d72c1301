using System.Globalization;
using System.Text;
using FabricFinance.Bills.Tests.Support;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Properties;

/// <summary>
/// Runs a generated sequence of operations on a fresh market, by random parties (often refused), and
/// after every operation checks the rulebook's invariants against the market as the public queries
/// show it. A violation throws <see cref="InvariantViolationException"/> with the invariant and the
/// trace of the run.
/// </summary>
/// <remarks>
/// The invariants (BILLS.md): every live bill has exactly one holder, an existing party; the live
/// bills descended from an issued bill cover its [1, amount] interval exactly, without overlap;
/// nothing leaves a final state (Paid, Cancelled, Dishonored, Split; a closed deal); a bill InDeal,
/// Presented or Frozen never moves except by its deal, its presentment's outcome, or unfreezing (which
/// restores the status it had); an InDeal bill is locked by exactly one open deal; a refused operation
/// changes nothing and carries a code; a successful one emits exactly one event equal to its response,
/// changes only the bills it names, and versions only grow, by one per change.
/// </remarks>
public sealed class MarketModelRun
{
    private static readonly string[] ActorPool =
        [Cast.Exchange, Cast.Regulator, Cast.BankA, Cast.BankB, Cast.BankC, Cast.CoreCorp, Cast.SupplierA, Cast.SupplierB, Cast.SupplierC, Cast.Dormant, Cast.Stranger, Cast.BankAStaff, Cast.Outsider];

    private static readonly string[] CounterpartyPool =
        [Cast.CoreCorp, Cast.SupplierA, Cast.SupplierB, Cast.SupplierC, Cast.BankA, Cast.BankB, Cast.BankC, Cast.Dormant, Cast.Exchange, "Ghost"];

    private static readonly string[] StatusPool =
        [Cast.CoreCorp, Cast.SupplierA, Cast.SupplierB, Cast.SupplierC, Cast.BankA, Cast.BankB, Cast.BankC, Cast.Dormant, Cast.Exchange, Cast.Regulator];

    private readonly BillMarketHarness _market;
    private readonly List<string> _deals = [];
    private readonly Dictionary<string, BillStatus> _frozenFrom = new(StringComparer.Ordinal);
    private readonly StringBuilder _trace = new();
    private int _issued;
    private int _requested;

    private MarketModelRun(BillMarketHarness market) => _market = market;

    /// <summary>Runs a sequence and checks the invariants after each operation.</summary>
    /// <param name="operations">The sequence.</param>
    /// <returns>A task that completes when the whole sequence ran without a violation.</returns>
    /// <exception cref="InvariantViolationException">An invariant failed.</exception>
    public static async Task RunAsync(IReadOnlyList<MarketOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var run = new MarketModelRun(await BillMarketHarness.StartAsync());
        var world = await run.ReadWorldAsync();
        for (var i = 0; i < operations.Count; i++)
        {
            world = await run.StepAsync(i, operations[i], world);
        }
    }

    private async Task<MarketWorld> StepAsync(int index, MarketOperation operation, MarketWorld world)
    {
        _market.AdvanceDays(operation.Days);
        var call = Plan(operation, world);
        var before = _market.Snapshot();
        var events = _market.Ledger.Events.Count;
        DateTimeOffset? at = operation.Backdated ? _market.Now.AddDays(-2) : null;
        var result = await _market.SubmitAsync(call.Actor, call.Function, call.Arguments, call.Transient, at);
        _trace.AppendLine(CultureInfo.InvariantCulture, $"#{index} {operation} on {_market.Today:yyyy-MM-dd}{(operation.Backdated ? " (stamped 2 days earlier)" : string.Empty)}: {call} -> {(result.IsSuccess ? "OK" : result.Message)}");

        if (!result.IsSuccess)
        {
            Check(result.Commit is null, "a transaction whose simulation succeeded commits valid", result.ToString());
            Check(Expect.Codes.Any(code => result.Message.StartsWith(code + ": ", StringComparison.Ordinal)), "every refusal begins with a rulebook code", result.Message);
            var differences = before.DifferencesTo(_market.Snapshot());
            Check(differences.Length == 0, "a refused transaction changes nothing", differences);
            return world;
        }

        var committed = _market.Ledger.Events;
        Check(committed.Count == events + 1, "every submit emits exactly one event", $"{committed.Count - events} events");
        Check(
            result.Event is not null && result.Event.Payload.Span.SequenceEqual(result.Payload.Span) && committed[^1].TransactionId == result.TransactionId,
            "the event's payload is exactly the response",
            result.Event?.PayloadText ?? "no event");
        if (call.Kind is MarketOperationKind.RequestDiscount or MarketOperationKind.RequestDiscountPartial or MarketOperationKind.RequestRediscount)
        {
            _deals.Add(Read.Deal(result).Id);
        }

        var next = await ReadWorldAsync();
        CheckInvariants(world, next, call, result);
        return next;
    }

    private PlannedCall Plan(MarketOperation operation, MarketWorld world)
    {
        // A target below 7 prefers the bills (or deals) the operation fits; 7 to 9 picks among all of them.
        var all = world.Bills.Values.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
        var today = _market.Today;
        Func<Bill, bool> fits = operation.Kind switch
        {
            MarketOperationKind.Accept or MarketOperationKind.RejectAcceptance or MarketOperationKind.Cancel => b => b.Status == BillStatus.PendingAcceptance,
            MarketOperationKind.Endorse or MarketOperationKind.EndorsePartial or MarketOperationKind.RequestDiscount or MarketOperationKind.RequestDiscountPartial =>
                b => b.Status == BillStatus.Active && Cast.Enterprises.Contains(b.Holder),
            MarketOperationKind.RequestRediscount => b => b.Status == BillStatus.Active && Cast.Banks.Contains(b.Holder),
            MarketOperationKind.Present => b => b.Status == BillStatus.Active && b.DueDate <= today,
            MarketOperationKind.Pay or MarketOperationKind.Dishonor => b => b.Status == BillStatus.Presented,
            MarketOperationKind.Freeze => b => !b.IsFinal,
            MarketOperationKind.Unfreeze => b => b.Status == BillStatus.Frozen,
            _ => _ => true,
        };
        Func<Deal, bool> dealFits = operation.Kind switch
        {
            MarketOperationKind.AcceptDeal => d => d.Status == DealStatus.Requested,
            MarketOperationKind.SettleDeal => d => d.Status == DealStatus.Accepted,
            _ => d => d.IsOpen,
        };
        var fitting = all.Where(fits).ToList();
        var fittingDealsFirst = _deals.Select(id => world.Deals[id]).Where(dealFits).ToList();
        var isDealOperation = operation.Kind is MarketOperationKind.AcceptDeal or MarketOperationKind.RejectDeal or MarketOperationKind.CancelDeal or MarketOperationKind.SettleDeal or MarketOperationKind.ExpireDeal;
        if (operation.Target < 7 && (isDealOperation ? fittingDealsFirst.Count : fitting.Count) == 0 && Prerequisite(operation.Kind) is { } prerequisite)
        {
            // Nothing fits: do what would make something fit (accept before endorsing, request before accepting a deal, …).
            return Plan(operation with { Kind = prerequisite }, world);
        }

        var bills = operation.Target < 7 && fitting.Count > 0 ? fitting : all;
        var bill = bills.Count > 0 ? bills[operation.Target % bills.Count] : null;
        var knownDeals = _deals.Select(id => world.Deals[id]).ToList();
        var fittingDeals = knownDeals.Where(dealFits).ToList();
        var deals = operation.Target < 7 && fittingDeals.Count > 0 ? fittingDeals : knownDeals;
        var deal = deals.Count > 0 ? deals[operation.Target % deals.Count] : null;
        string Pick(string entitled) => operation.Actor == 0 ? entitled : ActorPool[(operation.Actor - 1) % ActorPool.Length];
        string Counterparty(IReadOnlyList<string> preferred, string holder)
        {
            var others = preferred.Where(p => p != holder).ToList();
            return operation.Party < 7 ? others[operation.Party % others.Count] : CounterpartyPool[operation.Party % CounterpartyPool.Length];
        }

        long Share(Bill b) => Math.Max(1, b.Amount * (operation.Amount + 1) / 100);

        PlannedCall OnBill(Bill b, string entitled, string function, params string[] arguments) =>
            new(operation.Kind, Pick(entitled), function, arguments, null, b.Id, null);
        PlannedCall OnDeal(Deal d, string entitled, string function, IReadOnlyDictionary<string, string>? transient, params string[] arguments) =>
            new(operation.Kind, Pick(entitled), function, arguments, transient, d.BillId, d.Id);
        PlannedCall Request(Bill b, string function, long? amount)
        {
            var dealId = operation.Party == 9 && _requested > 0 ? "D1" : "D" + (++_requested).ToString(CultureInfo.InvariantCulture);
            var buyer = Counterparty(Cast.Banks, b.Holder);
            return new(operation.Kind, Pick(b.Holder), function, [Args.Deal(dealId, b.Id, buyer, amount)], Args.Terms(1 + (operation.Amount * 100)), b.Id, dealId);
        }

        switch (operation.Kind)
        {
            case MarketOperationKind.Issue:
            {
                var drawer = Cast.Enterprises[operation.Party % 4];
                var payee = Cast.Enterprises[(operation.Party + 1) % 4];
                var commercial = operation.Amount % 5 == 0;
                var acceptor = commercial ? Cast.Enterprises[(operation.Party + 2) % 4] : Cast.Banks[operation.Target % 3];
                var due = today.AddDays(1 + (((operation.Amount * 7) + (operation.Target * 13)) % 90));
                var id = "B" + (++_issued).ToString(CultureInfo.InvariantCulture);
                var request = Args.Issue(id, payee, acceptor, (operation.Amount + 1) * 100L, due, kind: commercial ? BillKind.Commercial : BillKind.Bank);
                return new(operation.Kind, Pick(drawer), "IssueBill", [request], null, id, null);
            }

            case MarketOperationKind.Suspend:
                return new(operation.Kind, Pick(Cast.Exchange), "SetPartyStatus", [StatusPool[operation.Target % StatusPool.Length], "suspended"], null, null, null);
            case MarketOperationKind.Reactivate:
                return new(operation.Kind, Pick(Cast.Exchange), "SetPartyStatus", [StatusPool[operation.Target % StatusPool.Length], "active"], null, null, null);
            default:
                break;
        }

        if (operation.Kind is MarketOperationKind.AcceptDeal or MarketOperationKind.RejectDeal or MarketOperationKind.CancelDeal or MarketOperationKind.SettleDeal or MarketOperationKind.ExpireDeal)
        {
            // With no deal yet, the operation requests one instead (and with no bill, issues one).
            return deal is null ? Plan(operation with { Kind = MarketOperationKind.RequestDiscount }, world) : operation.Kind switch
            {
                MarketOperationKind.AcceptDeal => OnDeal(deal, deal.Buyer, "AcceptDeal", null, deal.Id),
                MarketOperationKind.RejectDeal => OnDeal(deal, deal.Buyer, "RejectDeal", null, deal.Id, "rate too low"),
                MarketOperationKind.CancelDeal => OnDeal(deal, deal.Seller, "CancelDeal", null, deal.Id, "changed my mind"),
                MarketOperationKind.SettleDeal => OnDeal(deal, Cast.Exchange, "SettleDeal", Args.Settlement("PAY-" + _market.Ledger.Height.ToString(CultureInfo.InvariantCulture)), deal.Id),
                _ => OnDeal(deal, Cast.SupplierC, "ExpireDeal", null, deal.Id),
            };
        }

        // With no bill yet, the operation issues one instead.
        return bill is null ? Plan(operation with { Kind = MarketOperationKind.Issue }, world) : operation.Kind switch
        {
            MarketOperationKind.Accept => OnBill(bill, bill.Acceptor, "AcceptBill", bill.Id),
            MarketOperationKind.RejectAcceptance => OnBill(bill, bill.Acceptor, "RejectAcceptance", bill.Id, "no trade"),
            MarketOperationKind.Cancel => OnBill(bill, bill.Drawer, "CancelBill", bill.Id),
            MarketOperationKind.Endorse => OnBill(bill, bill.Holder, "EndorseBill", bill.Id, Counterparty(Cast.Enterprises, bill.Holder)),
            MarketOperationKind.EndorsePartial => OnBill(bill, bill.Holder, "EndorseBill", bill.Id, Counterparty(Cast.Enterprises, bill.Holder), Args.Number(Share(bill))),
            MarketOperationKind.RequestDiscount => Request(bill, "RequestDiscount", null),
            MarketOperationKind.RequestDiscountPartial => Request(bill, "RequestDiscount", Share(bill)),
            MarketOperationKind.RequestRediscount => Request(bill, "RequestRediscount", null),
            MarketOperationKind.Present => OnBill(bill, bill.Holder, "PresentForPayment", bill.Id),
            MarketOperationKind.Pay => OnBill(bill, bill.Acceptor, "PayBill", bill.Id, "PAID-" + bill.Id),
            MarketOperationKind.Dishonor => OnBill(bill, bill.Acceptor, "DishonorBill", bill.Id, "no funds"),
            MarketOperationKind.Freeze => OnBill(bill, Cast.Exchange, "FreezeBill", bill.Id, "court order"),
            MarketOperationKind.Unfreeze => OnBill(bill, Cast.Exchange, "UnfreezeBill", bill.Id, "order lifted"),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "not a bill operation"),
        };
    }

    private static MarketOperationKind? Prerequisite(MarketOperationKind kind) => kind switch
    {
        MarketOperationKind.Accept or MarketOperationKind.RejectAcceptance or MarketOperationKind.Cancel => MarketOperationKind.Issue,
        MarketOperationKind.Endorse or MarketOperationKind.EndorsePartial or MarketOperationKind.RequestDiscount or MarketOperationKind.RequestDiscountPartial => MarketOperationKind.Accept,
        MarketOperationKind.Present => MarketOperationKind.Accept,
        MarketOperationKind.Pay or MarketOperationKind.Dishonor => MarketOperationKind.Present,
        MarketOperationKind.Unfreeze => MarketOperationKind.Freeze,
        MarketOperationKind.Freeze => MarketOperationKind.Issue,
        MarketOperationKind.RequestRediscount => MarketOperationKind.SettleDeal,
        MarketOperationKind.SettleDeal => MarketOperationKind.AcceptDeal,
        MarketOperationKind.AcceptDeal or MarketOperationKind.RejectDeal or MarketOperationKind.CancelDeal or MarketOperationKind.ExpireDeal => MarketOperationKind.RequestDiscount,
        _ => null,
    };

    private void CheckInvariants(MarketWorld before, MarketWorld after, PlannedCall call, TransactionResult result)
    {
        // Nothing disappears.
        Check(before.Bills.Keys.All(after.Bills.ContainsKey), "bills are never deleted", string.Join(", ", before.Bills.Keys.Where(k => !after.Bills.ContainsKey(k))));
        Check(before.Deals.Keys.All(after.Deals.ContainsKey), "deals are never deleted", string.Empty);

        // The response is the record as stored.
        var returned = result.PayloadText;
        if (call.Function == "SetPartyStatus")
        {
            Check(Read.Party(result).Id == call.Arguments[0], "SetPartyStatus returns the party", returned);
        }
        else if (call.DealId is not null)
        {
            var deal = Read.Deal(result);
            Check(after.DealJson.TryGetValue(deal.Id, out var stored) && stored == Args.Json(deal), "a deal transaction returns the deal as stored", returned);
        }
        else
        {
            var bill = Read.Bill(result);
            Check(after.BillJson.TryGetValue(bill.Id, out var stored) && stored == Args.Json(bill), "a bill transaction returns the bill as stored", returned);
        }

        var changedBills = after.Bills.Keys.Where(id => !before.BillJson.TryGetValue(id, out var json) || json != after.BillJson[id]).ToList();
        var changedDeals = after.Deals.Keys.Where(id => !before.DealJson.TryGetValue(id, out var json) || json != after.DealJson[id]).ToList();

        // Only the bills the operation names change (a split adds {id}.1 and {id}.2).
        HashSet<string> allowed = call.BillId is null ? [] : [call.BillId, call.BillId + ".1", call.BillId + ".2"];
        Check(changedBills.All(allowed.Contains), "a transaction changes only the bill it names (and its new parts)", string.Join(", ", changedBills));
        Check(changedDeals.All(id => id == call.DealId), "a transaction changes only the deal it names", string.Join(", ", changedDeals));

        foreach (var id in changedBills)
        {
            var now = after.Bills[id];
            if (!before.Bills.TryGetValue(id, out var was))
            {
                Check(now.Version == 1, "a new bill starts at version 1", id);
                continue;
            }

            // Versions only grow, by one per change.
            Check(now.Version == was.Version + 1, "a changed bill's version grows by exactly one", $"{id}: {was.Version} -> {now.Version}");

            // Nothing leaves a final state.
            Check(!was.IsFinal, "a bill in a final state never changes", $"{id} was {was.Status}, now {now.Status}");

            // Locked bills move only by their deal, their presentment's outcome, or unfreezing.
            switch (was.Status)
            {
                case BillStatus.InDeal:
                    Check(
                        (call.DealId is not null && before.Deals.TryGetValue(call.DealId, out var lockDeal) && lockDeal.BillId == id && call.Kind is MarketOperationKind.AcceptDeal or MarketOperationKind.RejectDeal or MarketOperationKind.CancelDeal or MarketOperationKind.SettleDeal or MarketOperationKind.ExpireDeal)
                        || call.Kind == MarketOperationKind.Freeze,
                        "an InDeal bill moves only by its deal or a freeze",
                        $"{id} changed by {call}");
                    Check(now.Holder == was.Holder || call.Kind == MarketOperationKind.SettleDeal, "an InDeal bill changes hands only by settlement", id);
                    break;
                case BillStatus.Presented:
                    Check(call.Kind is MarketOperationKind.Pay or MarketOperationKind.Dishonor or MarketOperationKind.Freeze, "a Presented bill moves only by payment, dishonor or a freeze", $"{id} changed by {call}");
                    Check(now.Holder == was.Holder, "a Presented bill never changes hands", id);
                    break;
                case BillStatus.Frozen:
                    Check(call.Kind == MarketOperationKind.Unfreeze, "a Frozen bill moves only by unfreezing", $"{id} changed by {call}");
                    Check(now.Holder == was.Holder, "a Frozen bill never changes hands", id);
                    Check(_frozenFrom.TryGetValue(id, out var restored) && now.Status == restored, "unfreezing restores the status the bill had", $"{id}: {now.Status}, was {(_frozenFrom.TryGetValue(id, out var s) ? s : null)}");
                    break;
                default:
                    break;
            }

            if (now.Status == BillStatus.Frozen && was.Status != BillStatus.Frozen)
            {
                _frozenFrom[id] = was.Status;
            }
        }

        foreach (var id in changedDeals)
        {
            var now = after.Deals[id];
            if (!before.Deals.TryGetValue(id, out var was))
            {
                Check(now.Version == 1 && now.Status == DealStatus.Requested, "a new deal is Requested at version 1", id);
                continue;
            }

            Check(now.Version == was.Version + 1, "a changed deal's version grows by exactly one", $"{id}: {was.Version} -> {now.Version}");
            Check(was.IsOpen, "a closed deal never changes", $"{id} was {was.Status}");
        }

        CheckWorld(after);
    }

    private void CheckWorld(MarketWorld world)
    {
        // Every live bill has exactly one holder, an existing party.
        foreach (var bill in world.Bills.Values.Where(b => !b.IsFinal))
        {
            Check(!string.IsNullOrEmpty(bill.Holder) && world.Parties.Contains(bill.Holder), "every live bill's holder is an existing party", $"{bill.Id}: '{bill.Holder}'");
        }

        // The live parts of every issued bill cover [1, amount] exactly, without overlap.
        foreach (var root in world.Bills.Values.Where(b => b.Parent is null))
        {
            var parts = world.Bills.Values.Where(b => b.Status != BillStatus.Split && RootOf(world, b) == root.Id).OrderBy(b => b.Range[0]).ToList();
            var next = 1L;
            foreach (var part in parts)
            {
                Check(part.Range.Count == 2 && part.Range[0] == next && part.Range[1] - part.Range[0] + 1 == part.Amount, "the live parts of an issued bill tile its interval", $"{root.Id}: {string.Join(" ", parts.Select(p => $"{p.Id}[{p.Range[0]},{p.Range[1]}]"))}");
                next = part.Range[1] + 1;
            }

            Check(next == root.Amount + 1, "the live parts of an issued bill cover it all", $"{root.Id} covered up to {next - 1} of {root.Amount}");
        }

        // An InDeal bill is locked by exactly one open deal; an open deal's bill is InDeal (or frozen in it).
        var open = world.Deals.Values.Where(d => d.IsOpen).ToList();
        foreach (var group in open.GroupBy(d => d.BillId))
        {
            Check(group.Count() == 1, "a bill has at most one open deal", $"{group.Key}: {string.Join(", ", group.Select(d => d.Id))}");
            var bill = world.Bills[group.Key];
            Check(bill.Status == BillStatus.InDeal || (bill.Status == BillStatus.Frozen && _frozenFrom.GetValueOrDefault(bill.Id) == BillStatus.InDeal), "an open deal's bill is locked", $"{bill.Id} is {bill.Status}");
        }

        foreach (var bill in world.Bills.Values.Where(b => b.Status == BillStatus.InDeal))
        {
            Check(open.Count(d => d.BillId == bill.Id) == 1, "an InDeal bill has exactly one open deal", bill.Id);
        }
    }

    private static string RootOf(MarketWorld world, Bill bill)
    {
        var current = bill;
        for (var depth = 0; current.Parent is not null && depth < 1_000; depth++)
        {
            current = world.Bills[current.Parent];
        }

        return current.Id;
    }

    private async Task<MarketWorld> ReadWorldAsync()
    {
        var bills = await _market.ListAllBillsAsync();
        var deals = new Dictionary<string, Deal>(StringComparer.Ordinal);
        foreach (var id in _deals)
        {
            deals[id] = await _market.GetDealAsync(id);
        }

        var parties = Read.Parties(await _market.MustEvaluateAsync(Cast.Regulator, "ListParties"));
        return new MarketWorld(
            bills.ToDictionary(b => b.Id, StringComparer.Ordinal),
            bills.ToDictionary(b => b.Id, b => Args.Json(b), StringComparer.Ordinal),
            deals,
            deals.ToDictionary(d => d.Key, d => Args.Json(d.Value), StringComparer.Ordinal),
            parties.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
    }

    private void Check(bool condition, string invariant, string detail)
    {
        if (!condition)
        {
            throw new InvariantViolationException($"Invariant broken: {invariant}. {detail}{Environment.NewLine}Trace:{Environment.NewLine}{_trace}");
        }
    }
}
