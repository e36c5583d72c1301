using System.Text.Json;
using FabricFinance.Bills.Contract.Internal;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Bills.Contract;

/// <content>
/// Discount and rediscount deals: <c>RequestDiscount</c>, <c>RequestRediscount</c>,
/// <c>AcceptDeal</c>, <c>RejectDeal</c>, <c>CancelDeal</c>, <c>SettleDeal</c>, <c>ExpireDeal</c>,
/// <c>GetDeal</c>, <c>GetDealTerms</c>. The terms live only in the private data collection
/// <c>terms_X_Y</c> of the seller's and buyer's MSPs; the public deal carries their hash. Closing a
/// deal without settling it (reject, cancel, expire) never reads them, so it runs on any peer.
/// </content>
public sealed partial class BillContract
{
    /// <summary>An enterprise holder offers a bill (or a partial amount of it) to a bank; the bill is locked in the deal.</summary>
    /// <param name="context">The transaction; transient <c>terms</c> carries <c>{"rateBps":…}</c>.</param>
    /// <param name="request">Deal id, bill, buyer (an active bank) and an optional partial amount.</param>
    /// <returns>The deal, <c>Requested</c>; also the payload of <c>DealRequested</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c> (malformed or missing terms; a buyer suspended or not a bank; an amount
    /// not below the bill's), <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the holder, or not an
    /// enterprise), <c>ALREADY_EXISTS</c> (the deal id), <c>INVALID_STATE</c>, <c>FROZEN</c>,
    /// <c>NOT_TRANSFERABLE</c>, <c>OVERDUE</c>.
    /// </exception>
    [Transaction]
    public Task<Deal> RequestDiscount(Context context, DealRequest request) => RequestDealAsync(context, request, DealKind.Discount);

    /// <summary>A bank holder offers a bill (or a partial amount of it) to another bank; the bill is locked in the deal.</summary>
    /// <param name="context">The transaction; transient <c>terms</c> carries <c>{"rateBps":…}</c>.</param>
    /// <param name="request">Deal id, bill, buyer (another active bank) and an optional partial amount.</param>
    /// <returns>The deal, <c>Requested</c>; also the payload of <c>DealRequested</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c> (malformed or missing terms; a buyer suspended, not a bank or the
    /// seller; an amount not below the bill's), <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the holder,
    /// or not a bank), <c>ALREADY_EXISTS</c>, <c>INVALID_STATE</c>, <c>FROZEN</c>,
    /// <c>NOT_TRANSFERABLE</c>, <c>OVERDUE</c>.
    /// </exception>
    [Transaction]
    public Task<Deal> RequestRediscount(Context context, DealRequest request) => RequestDealAsync(context, request, DealKind.Rediscount);

    /// <summary>The buyer accepts a requested deal before the bill's due date; the terms are computed for today.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="dealId">The deal.</param>
    /// <returns>The deal, <c>Accepted</c>, with the new terms hash; also the payload of <c>DealAccepted</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c> (the deal; its terms on a peer outside the
    /// collection), <c>FORBIDDEN</c> (not the buyer), <c>INVALID_STATE</c> (time backwards; not
    /// requested), <c>FROZEN</c>, <c>OVERDUE</c>.
    /// </exception>
    [Transaction]
    public async Task<Deal> AcceptDeal(Context context, string dealId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.Id(dealId, "deal id");
        var state = new BillState(context);
        var today = state.BusinessDate;
        var (deal, bill) = await RequireDealAsync(state, dealId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        var buyer = Callers.Require(caller, context.ClientIdentity, caller?.Id == deal.Buyer, $"only the buyer {deal.Buyer} may accept deal {deal.Id}");
        CheckDealTime(today, deal, bill);
        if (deal.Status != DealStatus.Requested)
        {
            throw Refusal.InvalidState($"deal {deal.Id} is {deal.Status}; only a Requested deal can be accepted.");
        }

        CheckDealBill(deal, bill);
        BillChanges.CheckNotOverdue(bill, today, "sold in deal " + deal.Id);

        var collection = await TermsCollectionAsync(state, deal, buyer).ConfigureAwait(false);
        var (terms, _) = await state.GetTermsAsync(collection, deal.Id).ConfigureAwait(false);
        var computed = terms.ComputedFor(deal.Amount, today, bill.DueDate);
        var accepted = BillChanges.Next(deal, today) with { Status = DealStatus.Accepted, AcceptDate = today, TermsHash = computed.ComputeHash() };
        await state.PutTermsAsync(collection, deal.Id, computed).ConfigureAwait(false);
        await state.PutDealAsync(accepted).ConfigureAwait(false);
        return Emit(context, BillEvents.DealAccepted, accepted);
    }

    /// <summary>The buyer rejects an open deal; the bill goes back to the seller, active.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="dealId">The deal.</param>
    /// <param name="reason">Why, 1 to 500 characters.</param>
    /// <returns>The deal, <c>Rejected</c>; also the payload of <c>DealClosed</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the buyer),
    /// <c>INVALID_STATE</c> (time backwards; closed), <c>FROZEN</c>.
    /// </exception>
    [Transaction]
    public Task<Deal> RejectDeal(Context context, string dealId, string reason) => CloseDealAsync(context, dealId, reason, DealStatus.Rejected);

    /// <summary>The seller cancels an open deal; the bill is active again.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="dealId">The deal.</param>
    /// <param name="reason">Why, 1 to 500 characters.</param>
    /// <returns>The deal, <c>Cancelled</c>; also the payload of <c>DealClosed</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the seller),
    /// <c>INVALID_STATE</c> (time backwards; closed), <c>FROZEN</c>.
    /// </exception>
    [Transaction]
    public Task<Deal> CancelDeal(Context context, string dealId, string reason) => CloseDealAsync(context, dealId, reason, DealStatus.Cancelled);

    /// <summary>
    /// Any active party expires an open deal more than three days after its request; the bill is
    /// active again.
    /// </summary>
    /// <param name="context">The transaction.</param>
    /// <param name="dealId">The deal.</param>
    /// <returns>The deal, <c>Expired</c>; also the payload of <c>DealClosed</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (no active party),
    /// <c>INVALID_STATE</c> (time backwards; closed; three days or fewer since the request), <c>FROZEN</c>.
    /// </exception>
    [Transaction]
    public Task<Deal> ExpireDeal(Context context, string dealId) => CloseDealAsync(context, dealId, null, DealStatus.Expired);

    /// <summary>
    /// The exchange settles an accepted deal, delivery versus payment: the buyer holds the bill, the
    /// trail records the sale, the terms are recomputed for today and completed with the payment reference.
    /// </summary>
    /// <param name="context">The transaction; transient <c>settlement</c> carries <c>{"paymentRef":…}</c>.</param>
    /// <param name="dealId">The deal.</param>
    /// <returns>The deal, <c>Settled</c>; also the payload of <c>DealSettled</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c> (malformed or missing settlement), <c>NOT_FOUND</c>, <c>FORBIDDEN</c>
    /// (not the exchange), <c>INVALID_STATE</c> (time backwards; not accepted), <c>FROZEN</c>, <c>OVERDUE</c>.
    /// </exception>
    [Transaction]
    public async Task<Deal> SettleDeal(Context context, string dealId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.Id(dealId, "deal id");
        var settlement = ReadTransient<Settlement>(context, BillTransactions.SettlementTransientKey, "settlement", dealId);
        Checks.PaymentRef(settlement.PaymentRef, $"paymentRef in the transient settlement of deal {dealId}");

        var state = new BillState(context);
        var today = state.BusinessDate;
        var (deal, bill) = await RequireDealAsync(state, dealId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.RequireKind(caller, context.ClientIdentity, $"only the exchange may settle deal {deal.Id}", PartyKind.Exchange);
        CheckDealTime(today, deal, bill);
        if (deal.Status != DealStatus.Accepted)
        {
            throw Refusal.InvalidState($"deal {deal.Id} is {deal.Status}; only an Accepted deal can be settled.");
        }

        CheckDealBill(deal, bill);
        BillChanges.CheckNotOverdue(bill, today, "sold in deal " + deal.Id);

        var collection = await TermsCollectionAsync(state, deal, null).ConfigureAwait(false);
        var (terms, _) = await state.GetTermsAsync(collection, deal.Id).ConfigureAwait(false);
        var settledTerms = terms.ComputedFor(deal.Amount, today, bill.DueDate) with { PaymentRef = settlement.PaymentRef };
        var type = deal.Kind == DealKind.Discount ? TransferType.Discount : TransferType.Rediscount;
        var delivered = BillChanges.Next(bill, today) with
        {
            Status = BillStatus.Active,
            Holder = deal.Buyer,
            DealId = null,
            Trail = [.. bill.Trail, new Transfer(type, deal.Seller, deal.Buyer, bill.Amount, today, state.TransactionId)],
        };
        var settled = BillChanges.Next(deal, today) with { Status = DealStatus.Settled, SettleDate = today, TermsHash = settledTerms.ComputeHash() };
        await state.PutTermsAsync(collection, deal.Id, settledTerms).ConfigureAwait(false);
        await state.PutBillAsync(delivered, bill).ConfigureAwait(false);
        await state.PutDealAsync(settled).ConfigureAwait(false);
        return Emit(context, BillEvents.DealSettled, settled);
    }

    /// <summary>Reads a deal's public record. Public.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="dealId">The deal.</param>
    /// <returns>The deal.</returns>
    /// <exception cref="ContractException"><c>INVALID_ARGUMENT</c> (malformed id), <c>NOT_FOUND</c>.</exception>
    [Transaction(Evaluate = true)]
    public async Task<Deal> GetDeal(Context context, string dealId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.Id(dealId, "deal id");
        return await new BillState(context).GetDealAsync(dealId).ConfigureAwait(false)
            ?? throw Refusal.NotFound($"deal {dealId} does not exist.");
    }

    /// <summary>
    /// Reads a deal's terms, as their canonical JSON: only the seller, the buyer, the exchange and the
    /// regulator may, and only on a peer of the terms collection. The permission is checked before
    /// any private data is read.
    /// </summary>
    /// <param name="context">The transaction.</param>
    /// <param name="dealId">The deal.</param>
    /// <returns>The canonical terms JSON, whose SHA-256 is the deal's <c>termsHash</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c> (the deal; the terms on a peer outside the
    /// collection), <c>FORBIDDEN</c> (any other caller).
    /// </exception>
    [Transaction(Evaluate = true)]
    public async Task<byte[]> GetDealTerms(Context context, string dealId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.Id(dealId, "deal id");
        var state = new BillState(context);
        var deal = await state.GetDealAsync(dealId).ConfigureAwait(false) ?? throw Refusal.NotFound($"deal {dealId} does not exist.");
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.Require(
            caller,
            context.ClientIdentity,
            caller is not null && (caller.Id == deal.Seller || caller.Id == deal.Buyer || caller.Kind is PartyKind.Exchange or PartyKind.Regulator),
            $"only the seller {deal.Seller}, the buyer {deal.Buyer}, the exchange and the regulator may read the terms of deal {deal.Id}");
        var collection = await TermsCollectionAsync(state, deal, null).ConfigureAwait(false);
        var (_, json) = await state.GetTermsAsync(collection, deal.Id).ConfigureAwait(false);
        return json;
    }

    private static async Task<Deal> RequestDealAsync(Context context, DealRequest request, DealKind kind)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var state = new BillState(context);
        var today = state.BusinessDate;
        var sale = Text.Kind(kind);

        // 1. Form of the request and of the transient terms.
        Checks.Id(request.DealId, "deal id");
        Checks.BillReference(request.BillId, $"bill id of deal {request.DealId}");
        Checks.Id(request.Buyer, $"buyer of deal {request.DealId}");
        if (request.Amount is { } partial)
        {
            Checks.Amount(partial, $"amount of deal {request.DealId}");
        }

        var proposal = ReadTransient<TermsProposal>(context, BillTransactions.TermsTransientKey, "terms", request.DealId);
        Checks.RateBps(proposal.RateBps, request.DealId);

        // 2. The buyer, if it exists, is an active bank.
        var buyer = await state.GetPartyAsync(request.Buyer).ConfigureAwait(false);
        RequireActiveOfKind(buyer, $"buyer of deal {request.DealId}", PartyKind.Bank);

        // 3. The bill.
        var bill = await RequireBillAsync(state, request.BillId).ConfigureAwait(false);

        // 4. Values against the bill.
        CheckPartialAmount(bill, request.Amount, sale);
        if (buyer is not null && buyer.Id == bill.Holder)
        {
            throw Refusal.InvalidArgument($"buyer {buyer.Id} of deal {request.DealId} is the seller: it holds bill {bill.Id}.");
        }

        // 5. The buyer exists.
        RequireExists(buyer, request.Buyer, $"buyer of deal {request.DealId}");

        // 6. The holder, of the right kind.
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        var sellerKind = kind == DealKind.Discount ? PartyKind.Enterprise : PartyKind.Bank;
        var seller = Callers.Require(
            caller,
            context.ClientIdentity,
            caller is not null && caller.Kind == sellerKind && caller.Id == bill.Holder,
            $"only the holder {bill.Holder}, as {Article(sellerKind)} {Text.Kind(sellerKind)}, may offer bill {bill.Id} for {sale} in deal {request.DealId}");

        // 7. Deal ids are never reused.
        if (await state.GetDealAsync(request.DealId).ConfigureAwait(false) is not null)
        {
            throw Refusal.AlreadyExists($"deal {request.DealId} already exists; deal ids are never reused.");
        }

        // 8-12.
        BillChanges.CheckTime(today, bill.UpdateDate, "bill " + bill.Id);
        BillChanges.CheckNotFrozen(bill);
        BillChanges.CheckStatus(bill, BillStatus.Active, $"offered for {sale}");
        BillChanges.CheckTransferable(bill, "sold for " + sale);
        BillChanges.CheckNotOverdue(bill, today, "sold for " + sale);

        var sold = bill;
        if (request.Amount is { } part)
        {
            var (parent, first, rest) = BillChanges.Split(bill, part, today);
            await state.PutBillAsync(parent, bill).ConfigureAwait(false);
            await state.PutBillAsync(rest, null).ConfigureAwait(false);
            sold = first;
        }

        var locked = (request.Amount is null ? BillChanges.Next(sold, today) : sold) with { Status = BillStatus.InDeal, DealId = request.DealId };
        await state.PutBillAsync(locked, request.Amount is null ? bill : null).ConfigureAwait(false);

        var terms = DealTerms.Proposed(proposal.RateBps);
        var deal = new Deal(request.DealId, kind, locked.Id, seller.Id, buyer!.Id, locked.Amount, DealStatus.Requested, today, null, null, terms.ComputeHash(), 1, today, null);
        await state.PutTermsAsync(TermsCollections.For(seller.MspId, buyer.MspId), deal.Id, terms).ConfigureAwait(false);
        await state.PutDealAsync(deal).ConfigureAwait(false);
        return Emit(context, BillEvents.DealRequested, deal);
    }

    /// <summary>Rejects, cancels or expires an open deal and unlocks its bill. Reads no private data.</summary>
    private static async Task<Deal> CloseDealAsync(Context context, string dealId, string? reason, DealStatus closing)
    {
        ArgumentNullException.ThrowIfNull(context);
        var action = closing switch
        {
            DealStatus.Rejected => "reject",
            DealStatus.Cancelled => "cancel",
            _ => "expire",
        };
        Checks.Id(dealId, "deal id");
        if (closing != DealStatus.Expired)
        {
            Checks.FreeText(reason!, $"reason to {action} deal {dealId}", BillRules.MaxReasonLength);
        }

        var state = new BillState(context);
        var today = state.BusinessDate;
        var (deal, bill) = await RequireDealAsync(state, dealId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        _ = closing switch
        {
            DealStatus.Rejected => Callers.Require(caller, context.ClientIdentity, caller?.Id == deal.Buyer, $"only the buyer {deal.Buyer} may reject deal {deal.Id}"),
            DealStatus.Cancelled => Callers.Require(caller, context.ClientIdentity, caller?.Id == deal.Seller, $"only the seller {deal.Seller} may cancel deal {deal.Id}"),
            _ => Callers.Require(caller, context.ClientIdentity, allowed: true, $"only an active party may expire deal {deal.Id}"),
        };
        CheckDealTime(today, deal, bill);
        if (!deal.IsOpen)
        {
            throw Refusal.InvalidState($"deal {deal.Id} is {deal.Status}, which is final; it cannot be {Past(closing)}.");
        }

        if (closing == DealStatus.Expired && today.DayNumber - deal.RequestDate!.Value.DayNumber <= BusinessCalendar.DealExpiryDays)
        {
            throw Refusal.InvalidState(
                $"deal {deal.Id} was requested on {Text.Date(deal.RequestDate.Value)}; it can be expired only more than {BusinessCalendar.DealExpiryDays} days later, from {Text.Date(deal.RequestDate.Value.AddDays(BusinessCalendar.DealExpiryDays + 1))}.");
        }

        CheckDealBill(deal, bill);
        var unlocked = BillChanges.Next(bill, today) with { Status = BillStatus.Active, DealId = null };
        var closed = BillChanges.Next(deal, today) with { Status = closing, Reason = reason };
        await state.PutBillAsync(unlocked, bill).ConfigureAwait(false);
        await state.PutDealAsync(closed).ConfigureAwait(false);
        return Emit(context, BillEvents.DealClosed, closed);
    }

    private static string Past(DealStatus closing) => closing switch
    {
        DealStatus.Rejected => "rejected",
        DealStatus.Cancelled => "cancelled",
        _ => "expired",
    };

    /// <summary>Step 3 of the precedence for deal transactions: the deal, and the bill it locks.</summary>
    private static async Task<(Deal Deal, Bill Bill)> RequireDealAsync(BillState state, string dealId)
    {
        var deal = await state.GetDealAsync(dealId).ConfigureAwait(false) ?? throw Refusal.NotFound($"deal {dealId} does not exist.");
        var bill = await state.GetBillAsync(deal.BillId).ConfigureAwait(false)
            ?? throw Refusal.InvalidState($"bill {deal.BillId} of deal {deal.Id} does not exist.");
        return (deal, bill);
    }

    /// <summary>Step 8: neither the deal nor its bill changed at a later business date.</summary>
    private static void CheckDealTime(DateOnly today, Deal deal, Bill bill)
    {
        BillChanges.CheckTime(today, deal.UpdateDate, "deal " + deal.Id);
        BillChanges.CheckTime(today, bill.UpdateDate, "bill " + bill.Id);
    }

    /// <summary>Steps 10 and 11 for an open deal: its bill is not frozen and is locked in this deal.</summary>
    private static void CheckDealBill(Deal deal, Bill bill)
    {
        BillChanges.CheckNotFrozen(bill);
        if (bill.Status != BillStatus.InDeal || bill.DealId != deal.Id)
        {
            throw Refusal.InvalidState($"bill {bill.Id} is {bill.Status}, not locked in deal {deal.Id}.");
        }
    }

    /// <summary>The terms collection of a deal, from its seller's and buyer's MSPs (parties never change MSP).</summary>
    private static async Task<string> TermsCollectionAsync(BillState state, Deal deal, Party? knownBuyer)
    {
        var seller = await state.GetPartyAsync(deal.Seller).ConfigureAwait(false)
            ?? throw Refusal.InvalidState($"seller {deal.Seller} of deal {deal.Id} does not exist.");
        var buyer = knownBuyer ?? await state.GetPartyAsync(deal.Buyer).ConfigureAwait(false)
            ?? throw Refusal.InvalidState($"buyer {deal.Buyer} of deal {deal.Id} does not exist.");
        return TermsCollections.For(seller.MspId, buyer.MspId);
    }

    /// <summary>Reads a strict JSON object from transient data: missing or malformed is <c>INVALID_ARGUMENT</c>.</summary>
    private static T ReadTransient<T>(Context context, string key, string what, string dealId)
    {
        if (!context.Stub.TransientData.TryGetValue(key, out var bytes) || bytes.IsEmpty)
        {
            throw Refusal.InvalidArgument($"deal {dealId} needs the transient {what} (transient key '{key}').");
        }

        try
        {
            return JsonTransactionSerializer.Default.Deserialize<T>(bytes);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw Refusal.InvalidArgument($"the transient {what} of deal {dealId} {ex.Message}.");
        }
    }
}
