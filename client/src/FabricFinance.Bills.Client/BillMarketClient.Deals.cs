using FabricFinance.Bills.Client.Internal;
using FabricFinance.Client.Errors;

namespace FabricFinance.Bills.Client;

/// <content>The deal transactions: discount and rediscount, from request to settlement.</content>
public sealed partial class BillMarketClient
{
    /// <summary>
    /// <c>RequestDiscount</c>: the holder (an enterprise) offers the bill to a bank at a rate; the bill is locked in the
    /// deal. The rate travels as transient data (<c>terms</c>: <c>{"rateBps":n}</c>), never in the arguments or a block.
    /// </summary>
    /// <param name="request">
    /// The deal id, the bill, the buying bank and, to sell part of the bill, the amount in fen.
    /// </param>
    /// <param name="rateBps">The proposed annual discount rate in basis points, 1 to 10000.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The public deal record (<see cref="DealStatus.Requested"/>), with the transaction id and block number.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// An id of <paramref name="request"/> is invalid, its amount is not 1 to 10^13 fen, or <paramref name="rateBps"/>
    /// is not 1 to 10000; nothing was sent.
    /// </exception>
    /// <exception cref="BillInvalidArgumentException">
    /// The buyer is not an active bank or is the seller, or the amount is not below the bill's.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such bill or buyer.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the holder, or not an enterprise.</exception>
    /// <exception cref="BillAlreadyExistsException">A deal with this id exists already.</exception>
    /// <exception cref="BillInvalidStateException">
    /// The bill is not active (for example locked in another deal): this is also how a lost race shows at endorsement.
    /// </exception>
    /// <exception cref="BillFrozenException">The bill is frozen.</exception>
    /// <exception cref="BillNotTransferableException">The bill is not transferable.</exception>
    /// <exception cref="BillOverdueException">The bill is due.</exception>
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
    public Task<Committed<Deal>> RequestDiscountAsync(DealRequest request, int rateBps, CancellationToken cancellationToken = default) =>
        RequestDealAsync(BillTransactions.RequestDiscount, request, rateBps, cancellationToken);

    /// <summary>
    /// <c>RequestRediscount</c>: the holder (a bank) offers the bill to another bank at a rate; the bill is locked in the
    /// deal. The rate travels as transient data (<c>terms</c>: <c>{"rateBps":n}</c>), never in the arguments or a block.
    /// </summary>
    /// <param name="request">
    /// The deal id, the bill, the buying bank and, to sell part of the bill, the amount in fen.
    /// </param>
    /// <param name="rateBps">The proposed annual discount rate in basis points, 1 to 10000.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The public deal record (<see cref="DealStatus.Requested"/>), with the transaction id and block number.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// An id of <paramref name="request"/> is invalid, its amount is not 1 to 10^13 fen, or <paramref name="rateBps"/>
    /// is not 1 to 10000; nothing was sent.
    /// </exception>
    /// <exception cref="BillInvalidArgumentException">
    /// The buyer is not another active bank, or the amount is not below the bill's.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such bill or buyer.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the holder, or not a bank.</exception>
    /// <exception cref="BillAlreadyExistsException">A deal with this id exists already.</exception>
    /// <exception cref="BillInvalidStateException">
    /// The bill is not active (for example locked in another deal): this is also how a lost race shows at endorsement.
    /// </exception>
    /// <exception cref="BillFrozenException">The bill is frozen.</exception>
    /// <exception cref="BillNotTransferableException">The bill is not transferable.</exception>
    /// <exception cref="BillOverdueException">The bill is due.</exception>
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
    public Task<Committed<Deal>> RequestRediscountAsync(DealRequest request, int rateBps, CancellationToken cancellationToken = default) =>
        RequestDealAsync(BillTransactions.RequestRediscount, request, rateBps, cancellationToken);

    /// <summary>
    /// <c>AcceptDeal</c>: the buyer accepts a requested deal; the terms (days, interest, payout) are computed with
    /// today's date.
    /// </summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The public deal record (<see cref="DealStatus.Accepted"/>, with the new terms hash), with the transaction id and
    /// block number.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="dealId"/> is not a valid id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such deal.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the buyer.</exception>
    /// <exception cref="BillInvalidStateException">The deal is not requested.</exception>
    /// <exception cref="BillFrozenException">The bill is frozen.</exception>
    /// <exception cref="BillOverdueException">The bill is due.</exception>
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
    public Task<Committed<Deal>> AcceptDealAsync(string dealId, CancellationToken cancellationToken = default)
    {
        Require.Id(dealId, nameof(dealId));
        return SubmitAsync<Deal>(BillTransactions.AcceptDeal, Arguments(dealId), cancellationToken);
    }

    /// <summary><c>RejectDeal</c>: the buyer turns down a deal before settlement; the bill is free again.</summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="reason">Why, in up to 500 characters.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The public deal record (<see cref="DealStatus.Rejected"/>), with the transaction id and block number.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="dealId"/> is not a valid id, or <paramref name="reason"/> is empty or too long; nothing was
    /// sent.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such deal.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the buyer.</exception>
    /// <exception cref="BillInvalidStateException">The deal is closed.</exception>
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
    public Task<Committed<Deal>> RejectDealAsync(string dealId, string reason, CancellationToken cancellationToken = default)
    {
        Require.Id(dealId, nameof(dealId));
        Require.Reason(reason, nameof(reason));
        return SubmitAsync<Deal>(BillTransactions.RejectDeal, Arguments(dealId, reason), cancellationToken);
    }

    /// <summary><c>CancelDeal</c>: the seller withdraws a deal before settlement; the bill is free again.</summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="reason">Why, in up to 500 characters.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The public deal record (<see cref="DealStatus.Cancelled"/>), with the transaction id and block number.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="dealId"/> is not a valid id, or <paramref name="reason"/> is empty or too long; nothing was
    /// sent.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such deal.</exception>
    /// <exception cref="BillForbiddenException">The caller is not the seller.</exception>
    /// <exception cref="BillInvalidStateException">The deal is closed.</exception>
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
    public Task<Committed<Deal>> CancelDealAsync(string dealId, string reason, CancellationToken cancellationToken = default)
    {
        Require.Id(dealId, nameof(dealId));
        Require.Reason(reason, nameof(reason));
        return SubmitAsync<Deal>(BillTransactions.CancelDeal, Arguments(dealId, reason), cancellationToken);
    }

    /// <summary>
    /// <c>SettleDeal</c>: the exchange confirms the off-ledger payment of an accepted deal, and in the same transaction
    /// the bill passes to the buyer (delivery versus payment). The payment reference travels as transient data
    /// (<c>settlement</c>: <c>{"paymentRef":"…"}</c>) into the private terms.
    /// </summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="paymentRef">The reference of the payment, <c>[A-Za-z0-9_.:/-]{1,64}</c>.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The public deal record (<see cref="DealStatus.Settled"/>), with the transaction id and block number.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="dealId"/> or <paramref name="paymentRef"/> is invalid; nothing was sent.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such deal.</exception>
    /// <exception cref="BillForbiddenException">The caller does not act for the exchange.</exception>
    /// <exception cref="BillInvalidStateException">The deal is not accepted.</exception>
    /// <exception cref="BillFrozenException">The bill is frozen.</exception>
    /// <exception cref="BillOverdueException">The bill is due.</exception>
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
    public Task<Committed<Deal>> SettleDealAsync(string dealId, string paymentRef, CancellationToken cancellationToken = default)
    {
        Require.Id(dealId, nameof(dealId));
        Require.PaymentRef(paymentRef, nameof(paymentRef));
        var options = Arguments(dealId);
        options.TransientData[BillTransactions.SettlementTransientKey] = BillArguments.JsonBytes(new Settlement(paymentRef));
        return SubmitAsync<Deal>(BillTransactions.SettleDeal, options, cancellationToken);
    }

    /// <summary>
    /// <c>ExpireDeal</c>: any active party closes a deal left open more than three days after its request; the bill is
    /// free again.
    /// </summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>
    /// The public deal record (<see cref="DealStatus.Expired"/>), with the transaction id and block number.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="dealId"/> is not a valid id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such deal.</exception>
    /// <exception cref="BillForbiddenException">The caller does not act for an active party.</exception>
    /// <exception cref="BillInvalidStateException">The deal is closed, or not yet more than three days old.</exception>
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
    public Task<Committed<Deal>> ExpireDealAsync(string dealId, CancellationToken cancellationToken = default)
    {
        Require.Id(dealId, nameof(dealId));
        return SubmitAsync<Deal>(BillTransactions.ExpireDeal, Arguments(dealId), cancellationToken);
    }

    private Task<Committed<Deal>> RequestDealAsync(string transactionName, DealRequest request, int rateBps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require.Id(request.DealId, $"{nameof(request)}.{nameof(DealRequest.DealId)}");
        Require.BillReference(request.BillId, $"{nameof(request)}.{nameof(DealRequest.BillId)}");
        Require.Id(request.Buyer, $"{nameof(request)}.{nameof(DealRequest.Buyer)}");
        Require.OptionalAmount(request.Amount, $"{nameof(request)}.{nameof(DealRequest.Amount)}");
        Require.RateBps(rateBps, nameof(rateBps));
        var options = Arguments(BillArguments.Json(request));
        options.TransientData[BillTransactions.TermsTransientKey] = BillArguments.JsonBytes(new TermsProposal(rateBps));
        return SubmitAsync<Deal>(transactionName, options, cancellationToken);
    }
}
