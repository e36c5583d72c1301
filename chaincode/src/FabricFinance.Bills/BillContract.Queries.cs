using System.Globalization;
using FabricFinance.Bills.Contract.Internal;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Bills.Contract;

/// <content>The public bill queries: <c>GetBill</c>, <c>GetBillHistory</c>, <c>ListBills</c>.</content>
public sealed partial class BillContract
{
    /// <summary>Reads a bill or sub-bill. Public.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill (sub-bill ids such as <c>B1.2.1</c> accepted).</param>
    /// <returns>The bill.</returns>
    /// <exception cref="ContractException"><c>INVALID_ARGUMENT</c> (malformed id), <c>NOT_FOUND</c>.</exception>
    [Transaction(Evaluate = true)]
    public async Task<Bill> GetBill(Context context, string billId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        return await RequireBillAsync(new BillState(context), billId).ConfigureAwait(false);
    }

    /// <summary>Every version of a bill, oldest first, with the transaction and its timestamp. Public.</summary>
    /// <param name="context">The transaction.</param>
    /// <param name="billId">The bill.</param>
    /// <returns>The history entries; timestamps are RFC 3339 in UTC with milliseconds.</returns>
    /// <exception cref="ContractException"><c>INVALID_ARGUMENT</c> (malformed id), <c>NOT_FOUND</c>.</exception>
    [Transaction(Evaluate = true)]
    public async Task<List<BillHistoryEntry>> GetBillHistory(Context context, string billId)
    {
        ArgumentNullException.ThrowIfNull(context);
        Checks.BillReference(billId);
        await RequireBillAsync(new BillState(context), billId).ConfigureAwait(false);
        var entries = new List<BillHistoryEntry>();
        await foreach (var change in context.Stub.GetHistoryForKeyAsync(StateKeys.BillKey(billId), context.CancellationToken).ConfigureAwait(false))
        {
            var value = change.IsDelete || change.Value.IsEmpty ? null : BillState.Parse<Bill>(change.Value.Span, $"bill {billId} of transaction {change.TransactionId}");
            entries.Add(new BillHistoryEntry(change.TransactionId, Rfc3339(change.Timestamp), change.IsDelete, value));
        }

        entries.Reverse(); // the peer answers newest first
        return entries;
    }

    /// <summary>
    /// One page of the bills that match a filter, ordered by bill id. The page is served from an index
    /// (holder, else acceptor, else status, else every bill) with the peer's paginated queries, so
    /// evaluate it: the peer refuses paginated queries in a transaction that writes.
    /// </summary>
    /// <param name="context">The transaction.</param>
    /// <param name="filter">Holder, status, acceptor and due-date range (inclusive); every criterion optional.</param>
    /// <param name="pageSize">1 to 1000.</param>
    /// <param name="bookmark"><c>""</c> for the first page, else the bookmark of the previous page: the id of the first bill of this page.</param>
    /// <returns>The page; its bookmark is <c>""</c> when no further bill matches.</returns>
    /// <exception cref="ContractException">
    /// <c>INVALID_ARGUMENT</c> (malformed filter, page size or bookmark; <c>dueFrom</c> after
    /// <c>dueTo</c>), <c>NOT_FOUND</c> (a holder or acceptor that is not a party).
    /// </exception>
    [Transaction(Evaluate = true)]
    public async Task<BillPage> ListBills(Context context, BillFilter filter, int pageSize, string bookmark)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(filter);

        // 1. Form.
        if (filter.Holder is not null)
        {
            Checks.Id(filter.Holder, "holder in the filter");
        }

        if (filter.Acceptor is not null)
        {
            Checks.Id(filter.Acceptor, "acceptor in the filter");
        }

        if (filter.Status is { } wanted && !Enum.IsDefined(wanted))
        {
            throw Refusal.InvalidArgument("status in the filter is not a bill status.");
        }

        if (filter is { DueFrom: { } from, DueTo: { } to } && from > to)
        {
            throw Refusal.InvalidArgument($"dueFrom {Text.Date(from)} is after dueTo {Text.Date(to)} in the filter.");
        }

        if (pageSize is < 1 or > BillRules.MaxPageSize)
        {
            throw Refusal.InvalidArgument($"page size {Text.Number(pageSize)} is out of range: 1 to {Text.Number(BillRules.MaxPageSize)}.");
        }

        if (bookmark.Length > 0)
        {
            Checks.BillReference(bookmark, "bookmark");
        }

        // 5. Named parties exist.
        var state = new BillState(context);
        foreach (var (partyId, role) in new[] { (filter.Holder, "holder"), (filter.Acceptor, "acceptor") })
        {
            if (partyId is not null && await state.GetPartyAsync(partyId).ConfigureAwait(false) is null)
            {
                throw Refusal.NotFound($"party {partyId} ({role} in the filter) does not exist.");
            }
        }

        // The most selective index the filter allows; bills of one index value sort by id.
        var (objectType, attributes) =
            filter.Holder is { } holder ? (StateKeys.BillByHolder, new[] { holder })
            : filter.Acceptor is { } acceptor ? (StateKeys.BillByAcceptor, new[] { acceptor })
            : filter.Status is { } status ? (StateKeys.BillByStatus, new[] { status.ToString() })
            : (StateKeys.Bill, Array.Empty<string>());
        var isIndex = objectType != StateKeys.Bill;

        // Collect one match more than the page: it is the next page's first bill, its id the bookmark.
        var found = new List<Bill>(Math.Min(pageSize + 1, 64));
        var resumeAt = bookmark.Length == 0 ? string.Empty : CompositeKey.Create(objectType, [.. attributes, bookmark]);
        do
        {
            var page = await context.Stub.GetStateByPartialCompositeKeyWithPaginationAsync(
                objectType, attributes, pageSize + 1 - found.Count, resumeAt, context.CancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Records)
            {
                var billId = CompositeKey.Split(entry.Key).Attributes[^1];
                var bill = isIndex
                    ? await state.GetBillAsync(billId).ConfigureAwait(false) ?? throw Refusal.InvalidState($"index {objectType} names bill {billId}, which does not exist.")
                    : BillState.Parse<Bill>(entry.Value.Span, "bill " + billId);
                if (Matches(bill, filter))
                {
                    found.Add(bill);
                    if (found.Count > pageSize)
                    {
                        break;
                    }
                }
            }

            resumeAt = page.Bookmark;
        }
        while (found.Count <= pageSize && resumeAt.Length > 0);

        if (found.Count <= pageSize)
        {
            return new BillPage(found, string.Empty);
        }

        var next = found[pageSize];
        found.RemoveAt(pageSize);
        return new BillPage(found, next.Id);
    }

    private static bool Matches(Bill bill, BillFilter filter) =>
        (filter.Holder is null || bill.Holder == filter.Holder)
        && (filter.Acceptor is null || bill.Acceptor == filter.Acceptor)
        && (filter.Status is null || bill.Status == filter.Status)
        && (filter.DueFrom is null || bill.DueDate >= filter.DueFrom)
        && (filter.DueTo is null || bill.DueDate <= filter.DueTo);

    /// <summary>RFC 3339 in UTC with milliseconds, e.g. <c>2026-11-27T03:06:37.469Z</c>.</summary>
    private static string Rfc3339(DateTimeOffset timestamp) =>
        timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
