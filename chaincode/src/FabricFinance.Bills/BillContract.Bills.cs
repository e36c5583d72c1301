using FabricFinance.Bills.Contract.Internal;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Bills.Contract;

/// <content>
/// A bill's life outside deals: <c>IssueBill</c>, <c>AcceptBill</c>, <c>RejectAcceptance</c>,
/// <c>CancelBill</c>, <c>EndorseBill</c>, <c>PresentForPayment</c>, <c>PayBill</c>,
/// <c>DishonorBill</c>, <c>FreezeBill</c>, <c>UnfreezeBill</c>. The numbered comments are the steps
/// of the rulebook's error precedence.
/// </content>
public sealed partial class BillContract
{
    /// <summary>Issues a bill: the caller (an active enterprise) is the drawer and first holder; it waits for the acceptor.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="request">Id, kind, payee, acceptor, amount, due date and transferability.</param>
    /// <returns>The new bill, <c>PendingAcceptance</c>; also the payload of <c>BillIssued</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c> (malformed; a due date not after today or more than six months ahead; a
    /// payee or acceptor suspended or of the wrong kind; the drawer as payee), <c>NOT_FOUND</c> (payee
    /// or acceptor), <c>FORBIDDEN</c> (not an active enterprise), <c>ALREADY_EXISTS</c> (the bill id).
    /// </exception>
    [Transaction]
    public async Task<Bill> IssueBill(Context context, IssueBillRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var state = new BillState(context);
        var today = state.BusinessDate;

        // 1. Form, dates included.
        Checks.Id(request.Id, "bill id");
        if (!Enum.IsDefined(request.Kind))
        {
            throw Refusal.InvalidArgument($"kind of bill {request.Id} must be bank or commercial.");
        }

        Checks.Id(request.Payee, $"payee of bill {request.Id}");
        Checks.Id(request.Acceptor, $"acceptor of bill {request.Id}");
        Checks.Amount(request.Amount, $"amount of bill {request.Id}");
        if (request.DueDate <= today)
        {
            throw Refusal.InvalidArgument($"due date {Text.Date(request.DueDate)} of bill {request.Id} must be after its issue date {Text.Date(today)}.");
        }

        var latest = BusinessCalendar.LatestDueDate(today);
        if (request.DueDate > latest)
        {
            throw Refusal.InvalidArgument(
                $"due date {Text.Date(request.DueDate)} of bill {request.Id} is more than {BusinessCalendar.MaxTenorMonths} months after its issue date {Text.Date(today)}: {Text.Date(latest)} at the latest.");
        }

        // 2. Named parties that exist must be active and of the right kind.
        var payee = await state.GetPartyAsync(request.Payee).ConfigureAwait(false);
        RequireActiveOfKind(payee, $"payee of bill {request.Id}", PartyKind.Enterprise);
        var acceptor = await state.GetPartyAsync(request.Acceptor).ConfigureAwait(false);
        RequireActiveOfKind(acceptor, $"acceptor of {Text.Kind(request.Kind)} bill {request.Id}", request.Kind == BillKind.Bank ? PartyKind.Bank : PartyKind.Enterprise);

        // 4. The payee is not the drawer (the caller).
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        if (caller is not null && caller.Id == request.Payee)
        {
            throw Refusal.InvalidArgument($"payee {request.Payee} of bill {request.Id} is its drawer; a bill is issued to another enterprise.");
        }

        // 5. Named parties exist.
        RequireExists(payee, request.Payee, $"payee of bill {request.Id}");
        RequireExists(acceptor, request.Acceptor, $"acceptor of bill {request.Id}");

        // 6. The drawer is an active enterprise.
        var drawer = Callers.RequireKind(caller, context.ClientIdentity, $"only an active enterprise may issue bill {request.Id}", PartyKind.Enterprise);

        // 7. Ids are never reused.
        if (await state.GetBillAsync(request.Id).ConfigureAwait(false) is not null)
        {
            throw Refusal.AlreadyExists($"bill {request.Id} already exists; bill ids are never reused.");
        }

        var bill = new Bill(
            request.Id, request.Kind, drawer.Id, request.Payee, request.Acceptor, request.Amount, BillRules.Currency, today, request.DueDate, request.Transferable,
            drawer.Id, BillStatus.PendingAcceptance, [1, request.Amount], null, [], 1, today, null, null, null, null);
        await state.PutBillAsync(bill, null).ConfigureAwait(false);
        return Emit(context, BillEvents.BillIssued, bill);
    }

    /// <summary>The acceptor accepts a bill before its due date: it becomes active and passes from the drawer to the payee.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <returns>The bill, <c>Active</c>, with an <c>accept</c> transfer; also the payload of <c>BillAccepted</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the acceptor),
    /// <c>INVALID_STATE</c> (time backwards; not pending acceptance), <c>FROZEN</c>, <c>OVERDUE</c>
    /// (on or after the due date).
    /// </exception>
    [Transaction]
    public async Task<Bill> AcceptBill(Context context, string billId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        var state = new BillState(context);
        var today = state.BusinessDate;
        var bill = await RequireBillAsync(state, billId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.Require(caller, context.ClientIdentity, caller?.Id == bill.Acceptor, $"only the acceptor {bill.Acceptor} may accept bill {bill.Id}");
        BillChanges.CheckTime(today, bill.UpdateDate, "bill " + bill.Id);
        BillChanges.CheckNotFrozen(bill);
        BillChanges.CheckStatus(bill, BillStatus.PendingAcceptance, "accepted");
        if (today >= bill.DueDate)
        {
            throw Refusal.Overdue($"bill {bill.Id} fell due on {Text.Date(bill.DueDate)}; it can no longer be accepted on {Text.Date(today)}.");
        }

        var accepted = BillChanges.Next(bill, today) with
        {
            Status = BillStatus.Active,
            Holder = bill.Payee,
            Trail = [.. bill.Trail, new Transfer(TransferType.Accept, bill.Drawer, bill.Payee, bill.Amount, today, state.TransactionId)],
        };
        await state.PutBillAsync(accepted, bill).ConfigureAwait(false);
        return Emit(context, BillEvents.BillAccepted, accepted);
    }

    /// <summary>The acceptor refuses to accept a bill: it is cancelled.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <param name="reason">Why, 1 to 500 characters.</param>
    /// <returns>The bill, <c>Cancelled</c>, with the reason; also the payload of <c>BillCancelled</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the acceptor),
    /// <c>INVALID_STATE</c> (time backwards; not pending acceptance), <c>FROZEN</c>.
    /// </exception>
    [Transaction]
    public async Task<Bill> RejectAcceptance(Context context, string billId, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        Checks.FreeText(reason, $"reason for rejecting bill {billId}", BillRules.MaxReasonLength);
        var state = new BillState(context);
        var bill = await RequireBillAsync(state, billId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.Require(caller, context.ClientIdentity, caller?.Id == bill.Acceptor, $"only the acceptor {bill.Acceptor} may refuse to accept bill {bill.Id}");
        return await CancelAsync(context, state, bill, reason).ConfigureAwait(false);
    }

    /// <summary>The drawer withdraws a bill before it is accepted: it is cancelled.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <returns>The bill, <c>Cancelled</c>; also the payload of <c>BillCancelled</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the drawer),
    /// <c>INVALID_STATE</c> (time backwards; not pending acceptance), <c>FROZEN</c>.
    /// </exception>
    [Transaction]
    public async Task<Bill> CancelBill(Context context, string billId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        var state = new BillState(context);
        var bill = await RequireBillAsync(state, billId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.Require(caller, context.ClientIdentity, caller?.Id == bill.Drawer, $"only the drawer {bill.Drawer} may cancel bill {bill.Id}");
        return await CancelAsync(context, state, bill, null).ConfigureAwait(false);
    }

    /// <summary>
    /// The holder (an enterprise) endorses a bill to another active enterprise: the whole bill, or a
    /// partial amount, which splits it and endorses <c>{id}.1</c>.
    /// </summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <param name="toParty">The endorsee.</param>
    /// <param name="amount">A partial amount below the bill's amount; omit it to endorse the whole bill.</param>
    /// <returns>The endorsed bill (for a split, <c>{id}.1</c>); also the payload of <c>BillEndorsed</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c> (malformed; an endorsee suspended or not an enterprise, or the holder;
    /// an amount not below the bill's), <c>NOT_FOUND</c> (bill, endorsee), <c>FORBIDDEN</c> (not the
    /// holder, or the holder is not an enterprise), <c>INVALID_STATE</c>, <c>FROZEN</c>,
    /// <c>NOT_TRANSFERABLE</c>, <c>OVERDUE</c>.
    /// </exception>
    [Transaction]
    public async Task<Bill> EndorseBill(Context context, string billId, string toParty, long? amount = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = new BillState(context);
        var today = state.BusinessDate;

        // 1. Form.
        Checks.BillReference(billId);
        Checks.Id(toParty, $"endorsee of bill {billId}");
        if (amount is { } partial)
        {
            Checks.Amount(partial, $"amount to endorse of bill {billId}");
        }

        // 2. The endorsee, if it exists, is an active enterprise.
        var endorsee = await state.GetPartyAsync(toParty).ConfigureAwait(false);
        RequireActiveOfKind(endorsee, $"endorsee of bill {billId}", PartyKind.Enterprise);

        // 3. The bill.
        var bill = await RequireBillAsync(state, billId).ConfigureAwait(false);

        // 4. Values against the bill.
        CheckPartialAmount(bill, amount, "endorse");
        if (endorsee is not null && endorsee.Id == bill.Holder)
        {
            throw Refusal.InvalidArgument($"endorsee {toParty} already holds bill {bill.Id}.");
        }

        // 5. The endorsee exists.
        RequireExists(endorsee, toParty, $"endorsee of bill {billId}");

        // 6. The holder, an enterprise.
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        var holder = Callers.Require(
            caller, context.ClientIdentity, caller is { Kind: PartyKind.Enterprise } && caller.Id == bill.Holder, $"only the holder {bill.Holder}, as an enterprise, may endorse bill {bill.Id}");

        // 8-12.
        BillChanges.CheckTime(today, bill.UpdateDate, "bill " + bill.Id);
        BillChanges.CheckNotFrozen(bill);
        BillChanges.CheckStatus(bill, BillStatus.Active, "endorsed");
        BillChanges.CheckTransferable(bill, "endorsed");
        BillChanges.CheckNotOverdue(bill, today, "endorsed");

        var moving = bill;
        if (amount is { } part)
        {
            var (parent, first, rest) = BillChanges.Split(bill, part, today);
            await state.PutBillAsync(parent, bill).ConfigureAwait(false);
            await state.PutBillAsync(rest, null).ConfigureAwait(false);
            moving = first;
        }

        var endorsed = (amount is null ? BillChanges.Next(moving, today) : moving) with
        {
            Holder = endorsee!.Id,
            Trail = [.. moving.Trail, new Transfer(TransferType.Endorse, holder.Id, endorsee.Id, moving.Amount, today, state.TransactionId)],
        };
        await state.PutBillAsync(endorsed, amount is null ? bill : null).ConfigureAwait(false);
        return Emit(context, BillEvents.BillEndorsed, endorsed);
    }

    /// <summary>The holder presents a bill to its acceptor for payment, on or after the due date.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <returns>The bill, <c>Presented</c>; also the payload of <c>BillPresented</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the holder),
    /// <c>INVALID_STATE</c> (time backwards; not active), <c>FROZEN</c>, <c>NOT_DUE</c> (before the due date).
    /// </exception>
    [Transaction]
    public async Task<Bill> PresentForPayment(Context context, string billId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        var state = new BillState(context);
        var today = state.BusinessDate;
        var bill = await RequireBillAsync(state, billId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.Require(caller, context.ClientIdentity, caller?.Id == bill.Holder, $"only the holder {bill.Holder} may present bill {bill.Id} for payment");
        BillChanges.CheckTime(today, bill.UpdateDate, "bill " + bill.Id);
        BillChanges.CheckNotFrozen(bill);
        BillChanges.CheckStatus(bill, BillStatus.Active, "presented for payment");
        if (today < bill.DueDate)
        {
            throw Refusal.NotDue($"bill {bill.Id} falls due on {Text.Date(bill.DueDate)}; it cannot be presented for payment on {Text.Date(today)}.");
        }

        var presented = BillChanges.Next(bill, today) with { Status = BillStatus.Presented };
        await state.PutBillAsync(presented, bill).ConfigureAwait(false);
        return Emit(context, BillEvents.BillPresented, presented);
    }

    /// <summary>The acceptor pays a presented bill.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <param name="paymentRef">The reference of the payment, <c>[A-Za-z0-9_.:/-]{1,64}</c>.</param>
    /// <returns>The bill, <c>Paid</c>, with the payment reference; also the payload of <c>BillPaid</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the acceptor),
    /// <c>INVALID_STATE</c> (time backwards; not presented), <c>FROZEN</c>.
    /// </exception>
    [Transaction]
    public async Task<Bill> PayBill(Context context, string billId, string paymentRef)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        Checks.PaymentRef(paymentRef, $"payment reference for bill {billId}");
        var (state, bill) = await RequirePresentedAsync(context, billId, "pay").ConfigureAwait(false);
        var paid = BillChanges.Next(bill, state.BusinessDate) with { Status = BillStatus.Paid, PaymentRef = paymentRef };
        await state.PutBillAsync(paid, bill).ConfigureAwait(false);
        return Emit(context, BillEvents.BillPaid, paid);
    }

    /// <summary>The acceptor refuses to pay a presented bill.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <param name="reason">Why, 1 to 500 characters.</param>
    /// <returns>The bill, <c>Dishonored</c>, with the reason; also the payload of <c>BillDishonored</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the acceptor),
    /// <c>INVALID_STATE</c> (time backwards; not presented), <c>FROZEN</c>.
    /// </exception>
    [Transaction]
    public async Task<Bill> DishonorBill(Context context, string billId, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        Checks.FreeText(reason, $"reason for dishonoring bill {billId}", BillRules.MaxReasonLength);
        var (state, bill) = await RequirePresentedAsync(context, billId, "dishonor").ConfigureAwait(false);
        var dishonored = BillChanges.Next(bill, state.BusinessDate) with { Status = BillStatus.Dishonored, Reason = reason };
        await state.PutBillAsync(dishonored, bill).ConfigureAwait(false);
        return Emit(context, BillEvents.BillDishonored, dishonored);
    }

    /// <summary>The exchange freezes a bill that is not final; it keeps the status to restore.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <param name="reason">Why, 1 to 500 characters.</param>
    /// <returns>The bill, <c>Frozen</c>; also the payload of <c>BillFrozen</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the exchange),
    /// <c>INVALID_STATE</c> (time backwards; final), <c>FROZEN</c> (frozen already).
    /// </exception>
    [Transaction]
    public async Task<Bill> FreezeBill(Context context, string billId, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        Checks.FreeText(reason, $"reason for freezing bill {billId}", BillRules.MaxReasonLength);
        var state = new BillState(context);
        var bill = await RequireBillAsync(state, billId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.RequireKind(caller, context.ClientIdentity, $"only the exchange may freeze bill {bill.Id}", PartyKind.Exchange);
        BillChanges.CheckTime(state.BusinessDate, bill.UpdateDate, "bill " + bill.Id);
        BillChanges.CheckNotFrozen(bill);
        if (bill.IsFinal)
        {
            throw Refusal.InvalidState($"bill {bill.Id} is {bill.Status}, which is final; it cannot be frozen.");
        }

        var frozen = BillChanges.Next(bill, state.BusinessDate) with { Status = BillStatus.Frozen, FrozenFrom = bill.Status, Reason = reason };
        await state.PutBillAsync(frozen, bill).ConfigureAwait(false);
        return Emit(context, BillEvents.BillFrozen, frozen);
    }

    /// <summary>The exchange unfreezes a bill: it gets back the status it had when frozen.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <param name="reason">Why, 1 to 500 characters.</param>
    /// <returns>The bill in its status before freezing; also the payload of <c>BillUnfrozen</c>.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c>, <c>NOT_FOUND</c>, <c>FORBIDDEN</c> (not the exchange),
    /// <c>INVALID_STATE</c> (time backwards; not frozen).
    /// </exception>
    [Transaction]
    public async Task<Bill> UnfreezeBill(Context context, string billId, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        Checks.FreeText(reason, $"reason for unfreezing bill {billId}", BillRules.MaxReasonLength);
        var state = new BillState(context);
        var bill = await RequireBillAsync(state, billId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.RequireKind(caller, context.ClientIdentity, $"only the exchange may unfreeze bill {bill.Id}", PartyKind.Exchange);
        BillChanges.CheckTime(state.BusinessDate, bill.UpdateDate, "bill " + bill.Id);
        BillChanges.CheckStatus(bill, BillStatus.Frozen, "unfrozen");
        var restored = bill.FrozenFrom
            ?? throw Refusal.InvalidState($"bill {bill.Id} is frozen but records no status to restore.");
        var unfrozen = BillChanges.Next(bill, state.BusinessDate) with { Status = restored, FrozenFrom = null, Reason = reason };
        await state.PutBillAsync(unfrozen, bill).ConfigureAwait(false);
        return Emit(context, BillEvents.BillUnfrozen, unfrozen);
    }

    /// <summary>Steps 2 of the precedence: a named party that exists must be active and of one of the kinds.</summary>
    private static void RequireActiveOfKind(Party? party, string role, params PartyKind[] kinds)
    {
        if (party is null)
        {
            return;
        }

        if (!kinds.Contains(party.Kind))
        {
            throw Refusal.InvalidArgument($"party {party.Id} ({role}) is {Article(party.Kind)} {Text.Kind(party.Kind)}, not {string.Join(" or ", kinds.Select(k => Article(k) + " " + Text.Kind(k)))}.");
        }

        if (party.Status != PartyStatus.Active)
        {
            throw Refusal.InvalidArgument($"party {party.Id} ({role}) is suspended.");
        }
    }

    /// <summary>Step 5 of the precedence: a named party exists.</summary>
    private static void RequireExists(Party? party, string partyId, string role)
    {
        if (party is null)
        {
            throw Refusal.NotFound($"party {partyId} ({role}) does not exist.");
        }
    }

    /// <summary>Step 4 of the precedence: a partial amount is below the bill's amount.</summary>
    private static void CheckPartialAmount(Bill bill, long? amount, string action)
    {
        if (amount is { } partial && partial >= bill.Amount)
        {
            throw Refusal.InvalidArgument(
                $"amount {Text.Number(partial)} is not below the amount {Text.Number(bill.Amount)} of bill {bill.Id}; omit the amount to {action} the whole bill.");
        }
    }

    private static async Task<Bill> RequireBillAsync(BillState state, string billId) =>
        await state.GetBillAsync(billId).ConfigureAwait(false) ?? throw Refusal.NotFound($"bill {billId} does not exist.");

    private static string Article(PartyKind kind) => kind == PartyKind.Enterprise || kind == PartyKind.Exchange ? "an" : "a";

    private static async Task<Bill> CancelAsync(Context context, BillState state, Bill bill, string? reason)
    {
        BillChanges.CheckTime(state.BusinessDate, bill.UpdateDate, "bill " + bill.Id);
        BillChanges.CheckNotFrozen(bill);
        BillChanges.CheckStatus(bill, BillStatus.PendingAcceptance, "cancelled");
        var cancelled = BillChanges.Next(bill, state.BusinessDate) with { Status = BillStatus.Cancelled, Reason = reason };
        await state.PutBillAsync(cancelled, bill).ConfigureAwait(false);
        return Emit(context, BillEvents.BillCancelled, cancelled);
    }

    /// <summary>The common checks of paying and dishonoring: the bill, the acceptor, time, freeze, <c>Presented</c>.</summary>
    private static async Task<(BillState State, Bill Bill)> RequirePresentedAsync(Context context, string billId, string action)
    {
        var state = new BillState(context);
        var bill = await RequireBillAsync(state, billId).ConfigureAwait(false);
        var caller = await state.ResolveCallerAsync(context.ClientIdentity).ConfigureAwait(false);
        Callers.Require(caller, context.ClientIdentity, caller?.Id == bill.Acceptor, $"only the acceptor {bill.Acceptor} may {action} bill {bill.Id}");
        BillChanges.CheckTime(state.BusinessDate, bill.UpdateDate, "bill " + bill.Id);
        BillChanges.CheckNotFrozen(bill);
        BillChanges.CheckStatus(bill, BillStatus.Presented, action == "pay" ? "paid" : "dishonored");
        return (state, bill);
    }
}
