using System.Text;
using FabricFinance.Bills.Contract;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Support;

/// <summary>
/// A bill market on the in-memory ledger: the <c>bills</c> chaincode deployed with the terms
/// collections BILLS.md asks for, the standard <see cref="Cast"/>, a settable business clock, and
/// helpers to act as a party. Everything goes through the chaincode interface: function name, string
/// arguments, transient data, JSON results and events.
/// </summary>
/// <remarks>
/// Every transaction is stamped with <see cref="Now"/> unless a time is given. The business date is
/// that instant in UTC+8, so 16:00Z is midnight of the next business day. The arranging helpers
/// (<c>IssueAsync</c>, <c>EndorseAsync</c>, …) throw <see cref="ArrangementException"/> when the
/// contract refuses them, naming the step: a test whose arrangement fails reports why.
/// </remarks>
public sealed class BillMarketHarness
{
    /// <summary>The market's time zone: UTC+8.</summary>
    public static readonly TimeSpan MarketOffset = TimeSpan.FromHours(8);

    /// <summary>The clock at start: 2026-03-02 10:00 in UTC+8 (02:00Z), a Monday.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The id of the standard bill.</summary>
    public const string StandardBillId = "B1";

    /// <summary>The amount of the standard bill: 10,000.00 yuan in fen.</summary>
    public const long StandardAmount = 1_000_000;

    /// <summary>The due date of the standard bill (91 days after the start).</summary>
    public static readonly DateOnly StandardDueDate = new(2026, 6, 1);

    private BillMarketHarness(InMemoryLedger ledger, DeployedChaincode bills, PrivateDataLog privateData, DateTimeOffset start)
    {
        Ledger = ledger;
        Bills = bills;
        PrivateData = privateData;
        Now = start;
    }

    /// <summary>Gets the ledger.</summary>
    public InMemoryLedger Ledger { get; }

    /// <summary>Gets the deployed bills chaincode.</summary>
    public DeployedChaincode Bills { get; }

    /// <summary>Gets the contract's private data calls.</summary>
    public PrivateDataLog PrivateData { get; }

    /// <summary>Gets or sets the instant the next transactions are stamped with.</summary>
    public DateTimeOffset Now { get; set; }

    /// <summary>Gets the business date of <see cref="Now"/>: its date in UTC+8.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(MarketOffset).DateTime);

    /// <summary>
    /// Gets or sets the organizations whose peers endorse every submit (checked at commit against key-level
    /// and collection policies); empty, the default, leaves endorsement unchecked.
    /// </summary>
    public IReadOnlyList<string> Endorsers { get; set; } = [];

    /// <summary>Gets the names of the terms collections defined on the chaincode.</summary>
    public IReadOnlyList<string> TermsCollections => [.. Bills.Deployment.Collections.Select(c => c.Name)];

    /// <summary>Starts a market.</summary>
    /// <param name="setup">How far to set it up.</param>
    /// <param name="start">The clock at start; <see cref="DefaultStart"/> when <see langword="null"/>.</param>
    /// <returns>The harness.</returns>
    /// <exception cref="ArrangementException">InitLedger or a registration was refused.</exception>
    public static async Task<BillMarketHarness> StartAsync(MarketSetup setup = MarketSetup.Cast, DateTimeOffset? start = null)
    {
        var ledger = new InMemoryLedger();
        var log = new PrivateDataLog();
        var deployment = new ChaincodeDeployment();
        for (var i = 0; i < Cast.TradingMsps.Count; i++)
        {
            for (var j = i; j < Cast.TradingMsps.Count; j++)
            {
                string[] members = [.. new[] { Cast.TradingMsps[i], Cast.TradingMsps[j], Cast.ExchangeMsp, Cast.RegulatorMsp }.Distinct()];
                deployment.Collections.Add(new CollectionDefinition(Cast.TermsCollection(Cast.TradingMsps[i], Cast.TradingMsps[j]), members)
                {
                    MemberOnlyRead = true,
                    MemberOnlyWrite = true,
                });
            }
        }

        var bills = ledger.Deploy("bills", new RecordingChaincode(CreateChaincode(), log), deployment);
        var harness = new BillMarketHarness(ledger, bills, log, start ?? DefaultStart);
        if (setup >= MarketSetup.Initialized)
        {
            await harness.MustAsync(Cast.ExchangeAdmin, "InitLedger", [Args.Json(Cast.Config)]);
        }

        if (setup >= MarketSetup.Cast)
        {
            foreach (var registration in Cast.Registrations)
            {
                await harness.MustAsync(Cast.Exchange, "RegisterParty", [Args.Json(registration)]);
            }

            await harness.SuspendAsync(Cast.Dormant);
        }

        return harness;
    }

    /// <summary>Creates the chaincode under test: the bill contract behind a contract router.</summary>
    /// <returns>The chaincode.</returns>
    public static IChaincode CreateChaincode() => ContractRouter.Create([new BillContract()]);

    /// <summary>The instant of a wall-clock time in the market's zone (UTC+8).</summary>
    /// <param name="date">The business date.</param>
    /// <param name="hour">The hour in UTC+8.</param>
    /// <param name="minute">The minute.</param>
    /// <returns>The instant, in UTC.</returns>
    public static DateTimeOffset At(DateOnly date, int hour = 10, int minute = 0) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), MarketOffset).ToUniversalTime();

    /// <summary>Moves the clock by whole days.</summary>
    /// <param name="days">How many days; negative moves it back.</param>
    public void AdvanceDays(int days) => Now = Now.AddDays(days);

    /// <summary>Sets the clock to a time of a business date.</summary>
    /// <param name="date">The business date.</param>
    /// <param name="hour">The hour in UTC+8.</param>
    public void SetToday(DateOnly date, int hour = 10) => Now = At(date, hour);

    /// <summary>The options of a transaction: its timestamp, transient data and simulating peer.</summary>
    public TransactionOptions Options(IReadOnlyDictionary<string, string>? transient = null, DateTimeOffset? at = null, string? peerOrganization = null)
    {
        var options = new TransactionOptions { Timestamp = at ?? Now, PeerOrganization = peerOrganization };
        foreach (var endorser in Endorsers)
        {
            options.EndorsingOrganizations.Add(endorser);
        }

        foreach (var (key, value) in transient ?? new Dictionary<string, string>())
        {
            options.TransientData[key] = Encoding.UTF8.GetBytes(value);
        }

        return options;
    }

    /// <summary>Submits a transaction as an actor, stamped <see cref="Now"/>.</summary>
    public Task<TransactionResult> SubmitAsync(string actor, string function, params string[] arguments) =>
        SubmitAsync(actor, function, arguments, null);

    /// <summary>Submits a transaction as an actor with transient data and an optional time.</summary>
    public Task<TransactionResult> SubmitAsync(string actor, string function, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? transient, DateTimeOffset? at = null) =>
        Bills.SubmitAsync(Cast.Identity(actor), function, arguments, Options(transient, at));

    /// <summary>Evaluates a query as an actor.</summary>
    public Task<TransactionResult> EvaluateAsync(string actor, string function, params string[] arguments) =>
        Bills.EvaluateAsync(Cast.Identity(actor), function, arguments, Options());

    /// <summary>Evaluates a query as an actor at a given organization's peer.</summary>
    public Task<TransactionResult> EvaluateAtAsync(string peerOrganization, string actor, string function, params string[] arguments) =>
        Bills.EvaluateAsync(Cast.Identity(actor), function, arguments, Options(peerOrganization: peerOrganization));

    /// <summary>Starts a transaction to simulate now and commit later (concurrent clients).</summary>
    public LedgerTransaction NewTransaction(string actor, string function, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? transient = null, DateTimeOffset? at = null) =>
        Bills.NewTransaction(Cast.Identity(actor), function, arguments, Options(transient, at));

    /// <summary>Captures the committed world: public state, the private values the contract touched, height and events.</summary>
    /// <returns>The snapshot.</returns>
    public WorldSnapshot Snapshot()
    {
        var publicState = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Bills.GetStateByRange(string.Empty, string.Empty))
        {
            publicState[WorldSnapshot.Printable(entry.Key)] = Encoding.UTF8.GetString(entry.Value.Span);
        }

        var privateState = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (collection, key) in PrivateData.WrittenKeys)
        {
            var value = Bills.GetPrivateData(collection, key);
            privateState[collection + "/" + WorldSnapshot.Printable(key)] = value is null ? "<absent>" : Encoding.UTF8.GetString(value);
        }

        return new WorldSnapshot(Ledger.Height, Ledger.Events.Count, publicState, privateState);
    }

    /// <summary>Submits a step of an arrangement and insists that it succeeds.</summary>
    /// <exception cref="ArrangementException">The contract refused it, or it did not commit valid.</exception>
    public async Task<TransactionResult> MustAsync(string actor, string function, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? transient = null)
    {
        var result = await SubmitAsync(actor, function, arguments, transient);
        return result.IsSuccess
            ? result
            : throw new ArrangementException($"Arranging: {function}({string.Join(", ", arguments)}) by {actor} at {Now:O} failed: {result}");
    }

    /// <summary>Evaluates a query of an arrangement or a check and insists that it succeeds.</summary>
    /// <exception cref="ArrangementException">The contract refused it.</exception>
    public async Task<TransactionResult> MustEvaluateAsync(string actor, string function, params string[] arguments)
    {
        var result = await EvaluateAsync(actor, function, arguments);
        return result.Response.IsSuccess
            ? result
            : throw new ArrangementException($"Query {function}({string.Join(", ", arguments)}) by {actor} failed: {result}");
    }

    /// <summary>Issues a bill as its drawer.</summary>
    public async Task<Bill> IssueAsync(string drawer, string id, string payee, string acceptor, long amount, DateOnly dueDate, bool transferable = true, BillKind kind = BillKind.Bank) =>
        Read.Bill(await MustAsync(drawer, "IssueBill", [Args.Issue(id, payee, acceptor, amount, dueDate, transferable, kind)]));

    /// <summary>Issues the standard bill (CoreCorp draws on BankA to SupplierA) without accepting it.</summary>
    public Task<Bill> IssueStandardAsync(string id = StandardBillId, long amount = StandardAmount, DateOnly? dueDate = null, bool transferable = true) =>
        IssueAsync(Cast.CoreCorp, id, Cast.SupplierA, Cast.BankA, amount, dueDate ?? StandardDueDate, transferable);

    /// <summary>Issues the standard bill and has BankA accept it: SupplierA holds it, Active.</summary>
    public async Task<Bill> IssueAcceptedAsync(string id = StandardBillId, long amount = StandardAmount, DateOnly? dueDate = null, bool transferable = true)
    {
        await IssueStandardAsync(id, amount, dueDate, transferable);
        return await AcceptAsync(Cast.BankA, id);
    }

    /// <summary>Accepts a bill as its acceptor.</summary>
    public async Task<Bill> AcceptAsync(string acceptor, string billId) => Read.Bill(await MustAsync(acceptor, "AcceptBill", [billId]));

    /// <summary>Endorses a bill, whole or in part.</summary>
    public async Task<Bill> EndorseAsync(string holder, string billId, string toParty, long? amount = null) =>
        Read.Bill(await MustAsync(holder, "EndorseBill", amount is { } a ? [billId, toParty, Args.Number(a)] : [billId, toParty]));

    /// <summary>Requests a discount deal as the enterprise holder.</summary>
    public async Task<Deal> RequestDiscountAsync(string seller, string dealId, string billId, string buyer, int rateBps, long? amount = null) =>
        Read.Deal(await MustAsync(seller, "RequestDiscount", [Args.Deal(dealId, billId, buyer, amount)], Args.Terms(rateBps)));

    /// <summary>Requests a rediscount deal as the bank holder.</summary>
    public async Task<Deal> RequestRediscountAsync(string seller, string dealId, string billId, string buyer, int rateBps, long? amount = null) =>
        Read.Deal(await MustAsync(seller, "RequestRediscount", [Args.Deal(dealId, billId, buyer, amount)], Args.Terms(rateBps)));

    /// <summary>Accepts a deal as its buyer.</summary>
    public async Task<Deal> AcceptDealAsync(string buyer, string dealId) => Read.Deal(await MustAsync(buyer, "AcceptDeal", [dealId]));

    /// <summary>Settles a deal as the exchange.</summary>
    public async Task<Deal> SettleAsync(string dealId, string paymentRef = "PAY-0001") =>
        Read.Deal(await MustAsync(Cast.Exchange, "SettleDeal", [dealId], Args.Settlement(paymentRef)));

    /// <summary>Runs a whole discount: request, accept, settle.</summary>
    public async Task<Deal> DiscountAsync(string seller, string dealId, string billId, string buyer, int rateBps = 300, long? amount = null)
    {
        await RequestDiscountAsync(seller, dealId, billId, buyer, rateBps, amount);
        await AcceptDealAsync(buyer, dealId);
        return await SettleAsync(dealId);
    }

    /// <summary>Presents a bill for payment as its holder.</summary>
    public async Task<Bill> PresentAsync(string holder, string billId) => Read.Bill(await MustAsync(holder, "PresentForPayment", [billId]));

    /// <summary>Pays a presented bill as its acceptor.</summary>
    public async Task<Bill> PayAsync(string acceptor, string billId, string paymentRef = "PAID-0001") => Read.Bill(await MustAsync(acceptor, "PayBill", [billId, paymentRef]));

    /// <summary>Dishonors a presented bill as its acceptor.</summary>
    public async Task<Bill> DishonorAsync(string acceptor, string billId) => Read.Bill(await MustAsync(acceptor, "DishonorBill", [billId, "insufficient funds"]));

    /// <summary>Freezes a bill as the exchange.</summary>
    public async Task<Bill> FreezeAsync(string billId) => Read.Bill(await MustAsync(Cast.Exchange, "FreezeBill", [billId, "court order"]));

    /// <summary>Unfreezes a bill as the exchange.</summary>
    public async Task<Bill> UnfreezeAsync(string billId) => Read.Bill(await MustAsync(Cast.Exchange, "UnfreezeBill", [billId, "order lifted"]));

    /// <summary>Suspends a party as the exchange.</summary>
    public async Task<Party> SuspendAsync(string partyId) => Read.Party(await MustAsync(Cast.Exchange, "SetPartyStatus", [partyId, "suspended"]));

    /// <summary>Reactivates a party as the exchange.</summary>
    public async Task<Party> ReactivateAsync(string partyId) => Read.Party(await MustAsync(Cast.Exchange, "SetPartyStatus", [partyId, "active"]));

    /// <summary>Reads a bill (as the regulator).</summary>
    public async Task<Bill> GetBillAsync(string billId) => Read.Bill(await MustEvaluateAsync(Cast.Regulator, "GetBill", billId));

    /// <summary>Reads a deal's public record (as the regulator).</summary>
    public async Task<Deal> GetDealAsync(string dealId) => Read.Deal(await MustEvaluateAsync(Cast.Regulator, "GetDeal", dealId));

    /// <summary>Reads a party (as the regulator).</summary>
    public async Task<Party> GetPartyAsync(string partyId) => Read.Party(await MustEvaluateAsync(Cast.Regulator, "GetParty", partyId));

    /// <summary>Reads a deal's terms as the regulator: the canonical terms JSON.</summary>
    public async Task<string> GetTermsAsync(string dealId) => (await MustEvaluateAsync(Cast.Regulator, "GetDealTerms", dealId)).PayloadText;

    /// <summary>Lists every bill, following bookmarks (as the regulator).</summary>
    public async Task<IReadOnlyList<Bill>> ListAllBillsAsync()
    {
        var bills = new List<Bill>();
        var bookmark = string.Empty;
        for (var pages = 0; pages < 10_000; pages++)
        {
            var page = Read.Page(await MustEvaluateAsync(Cast.Regulator, "ListBills", "{}", "1000", bookmark));
            bills.AddRange(page.Bills);
            if (page.Bookmark.Length == 0)
            {
                return bills;
            }

            bookmark = page.Bookmark;
        }

        throw new ArrangementException("ListBills never returned an empty bookmark.");
    }
}
