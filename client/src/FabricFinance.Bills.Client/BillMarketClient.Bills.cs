using FabricFinance.Bills.Client.Internal;
using FabricFinance.Client.Errors;

namespace FabricFinance.Bills.Client;

/// <content>The bill transactions: issue, accept, endorse, present, pay, and the exchange's freeze.</content>
public sealed partial class BillMarketClient
{
    /// <summary>
    /// <c>IssueBill</c>: an active enterprise (the caller, the drawer) issues a bill; it waits for the acceptor.
    /// </summary>
    /// <param name="request">
    /// The bill's id, kind, payee, acceptor, amount in fen, due date and whether it is transferable.
    /// </param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The new bill (<see cref="BillStatus.PendingAcceptance"/>, held by the drawer), with the transaction id and block
    /// number.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// The id, a party id or the kind is invalid, or the amount is not 1 to 10^13 fen; nothing was sent.
    /// </exception>
    /// <exception cref="BillInvalidArgumentException">
    /// The due date is not within six months after today, the payee is the drawer, or a party is suspended or of the
    /// wrong kind.
    /// </exception>
    /// <exception cref="BillNotFoundException">The payee or acceptor does not exist.</exception>
    /// <exception cref="BillAlreadyExistsException">
    /// A bill with this id was issued before (ids are never reused).
    /// </exception>
    /// <exception cref="BillForbiddenException">The caller does not act for an active enterprise.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> IssueBillAsync(IssueBillRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require.Id(request.Id, $"{nameof(request)}.{nameof(IssueBillRequest.Id)}");
        Require.Defined(request.Kind, $"{nameof(request)}.{nameof(IssueBillRequest.Kind)}");
        Require.Id(request.Payee, $"{nameof(request)}.{nameof(IssueBillRequest.Payee)}");
        Require.Id(request.Acceptor, $"{nameof(request)}.{nameof(IssueBillRequest.Acceptor)}");
        Require.Amount(request.Amount, $"{nameof(request)}.{nameof(IssueBillRequest.Amount)}");
        return SubmitAsync<Bill>(BillTransactions.IssueBill, Arguments(BillArguments.Json(request)), cancellationToken);
    }

    /// <summary><c>AcceptBill</c>: the acceptor accepts a bill, which passes from the drawer to the payee.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The bill (<see cref="BillStatus.Active"/>, held by the payee), with the transaction id and block number.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="billId"/> is not a bill id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the acceptor.</exception>
    /// <exception cref="BillInvalidStateException">The bill is not waiting for acceptance.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> AcceptBillAsync(string billId, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        return SubmitAsync<Bill>(BillTransactions.AcceptBill, Arguments(billId), cancellationToken);
    }

    /// <summary><c>RejectAcceptance</c>: the acceptor refuses a bill, which is cancelled.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="reason">Why, in up to 500 characters.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The bill (<see cref="BillStatus.Cancelled"/>), with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="billId"/> is not a bill id, or <paramref name="reason"/> is empty or too long; nothing was sent.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the acceptor.</exception>
    /// <exception cref="BillInvalidStateException">The bill is not waiting for acceptance.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> RejectAcceptanceAsync(string billId, string reason, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        Require.Reason(reason, nameof(reason));
        return SubmitAsync<Bill>(BillTransactions.RejectAcceptance, Arguments(billId, reason), cancellationToken);
    }

    /// <summary><c>CancelBill</c>: the drawer withdraws a bill before it is accepted.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The bill (<see cref="BillStatus.Cancelled"/>), with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException"><paramref name="billId"/> is not a bill id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the drawer.</exception>
    /// <exception cref="BillInvalidStateException">The bill is not waiting for acceptance.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> CancelBillAsync(string billId, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        return SubmitAsync<Bill>(BillTransactions.CancelBill, Arguments(billId), cancellationToken);
    }

    /// <summary>
    /// <c>EndorseBill</c>: the holder (an enterprise) endorses the bill to another active enterprise. With an
    /// <paramref name="amount"/> below the bill's, the bill is split: <c>{id}.1</c> (that amount) moves, <c>{id}.2</c> stays.
    /// </summary>
    /// <param name="billId">The bill.</param>
    /// <param name="toParty">The enterprise that receives it.</param>
    /// <param name="amount">
    /// A partial amount in fen to split off and endorse, or <see langword="null"/> for the whole bill.
    /// </param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The bill that moved (for a split, <c>{id}.1</c>), with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="billId"/> or <paramref name="toParty"/> is invalid, or <paramref name="amount"/> is not 1 to
    /// 10^13 fen; nothing was sent.
    /// </exception>
    /// <exception cref="BillInvalidArgumentException">
    /// The endorsee is the holder, not an active enterprise, or the amount is not below the bill's.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such bill or endorsee.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the holder, or not an enterprise.</exception>
    /// <exception cref="BillInvalidStateException">
    /// The bill is not active (for example locked in a deal): this is also how a lost race shows at endorsement.
    /// </exception>
    /// <exception cref="BillFrozenException">The bill is frozen.</exception>
    /// <exception cref="BillNotTransferableException">The bill is not transferable.</exception>
    /// <exception cref="BillOverdueException">The bill is due: it can only be presented.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> EndorseBillAsync(string billId, string toParty, long? amount = null, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        Require.Id(toParty, nameof(toParty));
        Require.OptionalAmount(amount, nameof(amount));
        var options = amount is { } partial
            ? Arguments(billId, toParty, BillArguments.Integer(partial))
            : Arguments(billId, toParty);
        return SubmitAsync<Bill>(BillTransactions.EndorseBill, options, cancellationToken);
    }

    /// <summary><c>PresentForPayment</c>: the holder presents the bill to its acceptor, on or after the due date.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The bill (<see cref="BillStatus.Presented"/>), with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException"><paramref name="billId"/> is not a bill id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the holder.</exception>
    /// <exception cref="BillInvalidStateException">The bill is not active.</exception>
    /// <exception cref="BillFrozenException">The bill is frozen.</exception>
    /// <exception cref="BillNotDueException">The due date has not come.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> PresentForPaymentAsync(string billId, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        return SubmitAsync<Bill>(BillTransactions.PresentForPayment, Arguments(billId), cancellationToken);
    }

    /// <summary><c>PayBill</c>: the acceptor records its payment of a presented bill.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="paymentRef">The reference of the off-ledger payment, <c>[A-Za-z0-9_.:/-]{1,64}</c>.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The bill (<see cref="BillStatus.Paid"/>), with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="billId"/> or <paramref name="paymentRef"/> is invalid; nothing was sent.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the acceptor.</exception>
    /// <exception cref="BillInvalidStateException">The bill is not presented.</exception>
    /// <exception cref="BillFrozenException">The bill is frozen.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> PayBillAsync(string billId, string paymentRef, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        Require.PaymentRef(paymentRef, nameof(paymentRef));
        return SubmitAsync<Bill>(BillTransactions.PayBill, Arguments(billId, paymentRef), cancellationToken);
    }

    /// <summary><c>DishonorBill</c>: the acceptor refuses to pay a presented bill.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="reason">Why, in up to 500 characters.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The bill (<see cref="BillStatus.Dishonored"/>), with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="billId"/> is not a bill id, or <paramref name="reason"/> is empty or too long; nothing was sent.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the acceptor.</exception>
    /// <exception cref="BillInvalidStateException">The bill is not presented.</exception>
    /// <exception cref="BillFrozenException">The bill is frozen.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> DishonorBillAsync(string billId, string reason, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        Require.Reason(reason, nameof(reason));
        return SubmitAsync<Bill>(BillTransactions.DishonorBill, Arguments(billId, reason), cancellationToken);
    }

    /// <summary>
    /// <c>FreezeBill</c>: the exchange freezes a bill that is not final; nothing moves it until it is unfrozen.
    /// </summary>
    /// <param name="billId">The bill.</param>
    /// <param name="reason">Why, in up to 500 characters.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The bill (<see cref="BillStatus.Frozen"/>, remembering its status in <see cref="Bill.FrozenFrom"/>), with the
    /// transaction id and block number.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="billId"/> is not a bill id, or <paramref name="reason"/> is empty or too long; nothing was sent.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillForbiddenException">The caller does not act for the exchange.</exception>
    /// <exception cref="BillInvalidStateException">The bill is final.</exception>
    /// <exception cref="BillFrozenException">The bill is frozen already.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> FreezeBillAsync(string billId, string reason, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        Require.Reason(reason, nameof(reason));
        return SubmitAsync<Bill>(BillTransactions.FreezeBill, Arguments(billId, reason), cancellationToken);
    }

    /// <summary><c>UnfreezeBill</c>: the exchange unfreezes a bill, which gets back the status it had.</summary>
    /// <param name="billId">The bill.</param>
    /// <param name="reason">Why, in up to 500 characters.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The bill in its status before freezing, with the transaction id and block number.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="billId"/> is not a bill id, or <paramref name="reason"/> is empty or too long; nothing was sent.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillForbiddenException">The caller does not act for the exchange.</exception>
    /// <exception cref="BillInvalidStateException">The bill is not frozen.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="BillConflictException">
    /// Another transaction changed the same records first and this one was committed as invalid; nothing changed.
    /// </exception>
    /// <exception cref="GatewayException">
    /// Fabric failed to endorse (<see cref="EndorseException"/>), order (<see cref="SubmitException"/>) or report the
    /// commit (<see cref="CommitStatusException"/>).
    /// </exception>
    /// <exception cref="CommitException">
    /// The transaction was committed as invalid for another reason than a read conflict.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Committed<Bill>> UnfreezeBillAsync(string billId, string reason, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        Require.Reason(reason, nameof(reason));
        return SubmitAsync<Bill>(BillTransactions.UnfreezeBill, Arguments(billId, reason), cancellationToken);
    }
}
