using System.Runtime.CompilerServices;
using FabricFinance.Bills.Client.Internal;
using FabricFinance.Client.Errors;

namespace FabricFinance.Bills.Client;

/// <content>The evaluate-only queries: one peer answers, nothing is written.</content>
public sealed partial class BillMarketClient
{
    /// <summary><c>GetBill</c>: reads a bill or sub-bill.</summary>
    /// <param name="billId">The bill, or a sub-bill id such as <c>B1.2.1</c>.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The bill.</returns>
    /// <exception cref="ArgumentException"><paramref name="billId"/> is not a bill id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="TransactionException">
    /// Fabric failed to evaluate the query for another reason, for example no peer could run it.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Bill> GetBillAsync(string billId, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        return EvaluateAsync<Bill>(BillTransactions.GetBill, Arguments(billId), cancellationToken);
    }

    /// <summary><c>GetBillHistory</c>: every version of a bill, oldest first, with the transaction that wrote it.</summary>
    /// <param name="billId">The bill, or a sub-bill id.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The versions, oldest first.</returns>
    /// <exception cref="ArgumentException"><paramref name="billId"/> is not a bill id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such bill.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="TransactionException">
    /// Fabric failed to evaluate the query for another reason, for example no peer could run it.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IReadOnlyList<BillHistoryEntry>> GetBillHistoryAsync(string billId, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        return EvaluateAsync<IReadOnlyList<BillHistoryEntry>>(BillTransactions.GetBillHistory, Arguments(billId), cancellationToken);
    }

    /// <summary><c>ListBills</c>: one page of the bills that pass a filter, ordered by bill id.</summary>
    /// <param name="filter">The criteria, combined with AND; <see langword="null"/> lets every bill through.</param>
    /// <param name="pageSize">How many bills at most, 1 to 1000.</param>
    /// <param name="bookmark">Empty for the first page, then the <see cref="BillPage.Bookmark"/> of the page before.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The page; its bookmark is empty after the last page.</returns>
    /// <exception cref="ArgumentException">
    /// A party id of <paramref name="filter"/> is invalid, its status undefined or its due dates reversed,
    /// <paramref name="pageSize"/> is not 1 to 1000, or <paramref name="bookmark"/> is <see langword="null"/>; nothing was sent.
    /// </exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="TransactionException">
    /// Fabric failed to evaluate the query for another reason, for example no peer could run it.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<BillPage> ListBillsAsync(
        BillFilter? filter = null,
        int pageSize = DefaultPageSize,
        string bookmark = "",
        CancellationToken cancellationToken = default)
    {
        filter ??= BillFilter.All;
        Require.Filter(filter, nameof(filter));
        Require.PageSize(pageSize, nameof(pageSize));
        ArgumentNullException.ThrowIfNull(bookmark);
        return ListPageAsync(filter, pageSize, bookmark, cancellationToken);
    }

    /// <summary>
    /// Every bill that passes a filter, ordered by bill id: <c>ListBills</c> page after page, each page read when the
    /// previous one has been enumerated.
    /// </summary>
    /// <param name="filter">The criteria, combined with AND; <see langword="null"/> lets every bill through.</param>
    /// <param name="pageSize">How many bills each call reads, 1 to 1000.</param>
    /// <param name="cancellationToken">
    /// A token that ends the enumeration with an <see cref="OperationCanceledException"/>.
    /// </param>
    /// <returns>
    /// The bills. The enumeration throws what <see cref="ListBillsAsync"/> throws, and an <see
    /// cref="InvalidOperationException"/> if the contract returns the same bookmark twice.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// A party id of <paramref name="filter"/> is invalid, its status undefined or its due dates reversed, or
    /// <paramref name="pageSize"/> is not 1 to 1000; thrown at once, before anything is sent.
    /// </exception>
    public IAsyncEnumerable<Bill> ListAllBillsAsync(BillFilter? filter = null, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        filter ??= BillFilter.All;
        Require.Filter(filter, nameof(filter));
        Require.PageSize(pageSize, nameof(pageSize));
        return ListAllCoreAsync(filter, pageSize, cancellationToken);
    }

    /// <summary><c>GetParty</c>: reads a party.</summary>
    /// <param name="partyId">The party.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The party.</returns>
    /// <exception cref="ArgumentException"><paramref name="partyId"/> is not a valid id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such party.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="TransactionException">
    /// Fabric failed to evaluate the query for another reason, for example no peer could run it.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Party> GetPartyAsync(string partyId, CancellationToken cancellationToken = default)
    {
        Require.Id(partyId, nameof(partyId));
        return EvaluateAsync<Party>(BillTransactions.GetParty, Arguments(partyId), cancellationToken);
    }

    /// <summary><c>ListParties</c>: every registered party.</summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The parties.</returns>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="TransactionException">
    /// Fabric failed to evaluate the query for another reason, for example no peer could run it.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IReadOnlyList<Party>> ListPartiesAsync(CancellationToken cancellationToken = default) =>
        EvaluateAsync<IReadOnlyList<Party>>(BillTransactions.ListParties, Arguments(), cancellationToken);

    /// <summary><c>GetDeal</c>: reads a deal's public record (its terms only as a hash).</summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The public deal record.</returns>
    /// <exception cref="ArgumentException"><paramref name="dealId"/> is not a valid id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such deal.</exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="TransactionException">
    /// Fabric failed to evaluate the query for another reason, for example no peer could run it.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<Deal> GetDealAsync(string dealId, CancellationToken cancellationToken = default)
    {
        Require.Id(dealId, nameof(dealId));
        return EvaluateAsync<Deal>(BillTransactions.GetDeal, Arguments(dealId), cancellationToken);
    }

    /// <summary>
    /// <c>GetDealTerms</c>: reads a deal's private terms, as they stand. Only the seller, the buyer, the exchange and the
    /// regulator may; the peer that answers must hold the deal's terms collection (see
    /// <see cref="BillMarketClientOptions.DealTermsOrganizations"/>). To check them against the public record, use
    /// <see cref="GetVerifiedDealTermsAsync"/>.
    /// </summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>
    /// The terms (computed values <see langword="null"/> until the buyer accepts, the payment reference until
    /// settlement).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="dealId"/> is not a valid id; nothing was sent.</exception>
    /// <exception cref="BillNotFoundException">No such deal.</exception>
    /// <exception cref="BillForbiddenException">
    /// The caller is not the seller, the buyer, the exchange or the regulator.
    /// </exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="TransactionException">
    /// Fabric failed to evaluate the query for another reason, for example no peer could run it.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<DealTerms> GetDealTermsAsync(string dealId, CancellationToken cancellationToken = default)
    {
        Require.Id(dealId, nameof(dealId));
        var options = Arguments(dealId);
        foreach (var organization in _dealTermsOrganizations)
        {
            options.EndorsingOrganizations.Add(organization);
        }

        return EvaluateAsync<DealTerms>(BillTransactions.GetDealTerms, options, cancellationToken);
    }

    /// <summary>
    /// Reads a deal's private terms and its public record, and checks that the terms hash
    /// (<see cref="DealTerms.ComputeHash"/>) is the record's <see cref="Deal.TermsHash"/>. When the deal changes between
    /// the two reads, both are read again (up to three times).
    /// </summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="cancellationToken">A token that cancels the calls.</param>
    /// <returns>The public record and the terms that match it.</returns>
    /// <exception cref="ArgumentException"><paramref name="dealId"/> is not a valid id; nothing was sent.</exception>
    /// <exception cref="DealTermsMismatchException">
    /// The terms do not hash to the public terms hash of an unchanged deal.
    /// </exception>
    /// <exception cref="BillNotFoundException">No such deal.</exception>
    /// <exception cref="BillForbiddenException">
    /// The caller is not the seller, the buyer, the exchange or the regulator.
    /// </exception>
    /// <exception cref="BillMarketException">Any other refusal by the contract (one subclass per code).</exception>
    /// <exception cref="TransactionException">
    /// Fabric failed to evaluate the query for another reason, for example no peer could run it.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<VerifiedDealTerms> GetVerifiedDealTermsAsync(string dealId, CancellationToken cancellationToken = default)
    {
        Require.Id(dealId, nameof(dealId));
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var deal = await GetDealAsync(dealId, cancellationToken).ConfigureAwait(false);
            var terms = await GetDealTermsAsync(dealId, cancellationToken).ConfigureAwait(false);
            var hash = terms.ComputeHash();
            if (hash == deal.TermsHash)
            {
                return new VerifiedDealTerms(deal, terms);
            }

            var again = await GetDealAsync(dealId, cancellationToken).ConfigureAwait(false);
            if (hash == again.TermsHash)
            {
                return new VerifiedDealTerms(again, terms);
            }

            if (again.Version == deal.Version || attempt == Attempts)
            {
                Log.TermsMismatch(_logger, dealId, hash, again.TermsHash);
                throw new DealTermsMismatchException(dealId, again.TermsHash, hash);
            }
        }
    }

    private Task<BillPage> ListPageAsync(BillFilter filter, int pageSize, string bookmark, CancellationToken cancellationToken) =>
        EvaluateAsync<BillPage>(
            BillTransactions.ListBills,
            Arguments(BillArguments.Json(filter), BillArguments.Integer(pageSize), bookmark),
            cancellationToken);

    private async IAsyncEnumerable<Bill> ListAllCoreAsync(BillFilter filter, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bookmark = string.Empty;
        do
        {
            var page = await ListPageAsync(filter, pageSize, bookmark, cancellationToken).ConfigureAwait(false);
            foreach (var bill in page.Bills)
            {
                yield return bill;
            }

            if (page.Bookmark.Length > 0 && page.Bookmark == bookmark)
            {
                throw new InvalidOperationException($"ListBills returned bookmark '{bookmark}' twice; the listing would never end.");
            }

            bookmark = page.Bookmark;
        }
        while (bookmark.Length > 0);
    }
}
