using System.Text.Json;
using FabricFinance.Bills;
using FabricFinance.Monitor.Ingestion.Internal;
using FabricFinance.Monitor.Ledger;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Rules;
using FabricFinance.Monitor.Storage;

namespace FabricFinance.Monitor.Ingestion;

/// <summary>
/// Turns a decoded block into read-model changes: the parties, bills, deals and terms its valid transactions wrote,
/// one <see cref="BillActivity"/> per transaction and bill touched (valid or not), and the alerts the rules raise on
/// each activity, numbered on from the store's last alert. Pure given the store's content: projecting the same blocks
/// from the same state gives the same changes, which is what makes a rebuild from block 0 equal to following live.
/// </summary>
public sealed class BlockProjector
{
    private readonly IMonitorStore _store;
    private readonly AlertEngine _engine;

    /// <summary>Creates a projector over a store, with the rules to run.</summary>
    /// <param name="store">The read model before each block.</param>
    /// <param name="engine">The alert rules.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public BlockProjector(IMonitorStore store, AlertEngine engine)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(engine);
        _store = store;
        _engine = engine;
    }

    /// <summary>Projects one block, which must be the one after the store's checkpoint.</summary>
    /// <param name="block">The decoded block.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The block's changes, for <see cref="IMonitorStore.ApplyBlockAsync"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="block"/> is null.</exception>
    public async Task<BlockChanges> ProjectAsync(DecodedBlock block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Transactions.Count == 0)
        {
            return BlockChanges.Empty(block.Number, block.PreviousHash, block.HeaderHash);
        }

        var pending = new PendingBlock(_store, await _store.GetPartiesAsync(cancellationToken).ConfigureAwait(false));
        var nextSequence = await _store.GetLastAlertSequenceAsync(cancellationToken).ConfigureAwait(false) + 1;
        var alerts = new List<MarketAlert>();
        foreach (var transaction in block.Transactions)
        {
            var creator = new Submitter(
                transaction.CreatorMspId,
                transaction.CreatorSubject,
                pending.ResolveParty(transaction.CreatorMspId, transaction.CreatorSubject));
            var written = Records.Read(transaction);
            var touched = transaction.IsValid
                ? await ApplyAsync(pending, transaction, written, cancellationToken).ConfigureAwait(false)
                : written.BillIds;
            var businessDay = BusinessCalendar.BusinessDate(transaction.Timestamp);
            foreach (var billId in touched.Order(StringComparer.Ordinal))
            {
                var activity = await ActivityAsync(pending, transaction, written, creator, businessDay, billId, cancellationToken).ConfigureAwait(false);
                pending.AddActivity(activity);
                if (activity is { Deal: { } deal, Terms: { } terms }
                    && !pending.HasPendingPricing(deal.Id)
                    && await HadNoTermsAsync(deal.Id, cancellationToken).ConfigureAwait(false))
                {
                    pending.AddPricing(new DealPricing(
                        deal.Id, deal.BillId, deal.Kind, deal.RequestDate ?? businessDay, terms.RateBps, transaction.BlockNumber, transaction.TransactionIndex));
                }

                foreach (var finding in await _engine.EvaluateAsync(activity, pending, cancellationToken).ConfigureAwait(false))
                {
                    alerts.Add(new MarketAlert(
                        nextSequence++,
                        finding.RuleId,
                        finding.Severity,
                        finding.BillId,
                        finding.Summary,
                        transaction.BlockNumber,
                        transaction.TransactionId,
                        transaction.Timestamp,
                        finding.Evidence));
                }
            }
        }

        return new BlockChanges(
            block.Number,
            block.PreviousHash,
            block.HeaderHash,
            [.. pending.ChangedParties.Values.OrderBy(p => p.Id, StringComparer.Ordinal)],
            [.. pending.ChangedBills.Values.OrderBy(b => b.Id, StringComparer.Ordinal)],
            [.. pending.ChangedDeals.Values.OrderBy(d => d.Deal.Id, StringComparer.Ordinal)],
            [.. pending.Pricing],
            [.. pending.Activities],
            alerts);
    }

    /// <summary>Applies a valid transaction's records to the pending block; returns the bills it touched.</summary>
    private static async Task<HashSet<string>> ApplyAsync(
        PendingBlock pending, ChaincodeTransaction transaction, WrittenRecords written, CancellationToken cancellationToken)
    {
        var touched = new HashSet<string>(written.BillIds, StringComparer.Ordinal);
        foreach (var party in written.Parties)
        {
            pending.PutParty(party);
        }

        foreach (var bill in written.Bills)
        {
            pending.ChangedBills[bill.Id] = bill;
        }

        var dealIds = written.Deals.Select(d => d.Id).Union(written.Terms.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var dealId in dealIds)
        {
            var before = await pending.GetDealAsync(dealId, cancellationToken).ConfigureAwait(false);
            var deal = written.Deals.LastOrDefault(d => d.Id == dealId) ?? before?.Deal;
            if (deal is null)
            {
                continue; // terms of a deal the monitor never saw: nothing to attach them to
            }

            written.Terms.TryGetValue(dealId, out var terms);
            pending.ChangedDeals[dealId] = new DealChange(
                deal,
                terms ?? before?.Terms,
                before?.FirstBlock ?? transaction.BlockNumber,
                before?.FirstTransactionIndex ?? transaction.TransactionIndex);
            touched.Add(deal.BillId);
        }

        return touched;
    }

    private static async Task<BillActivity> ActivityAsync(
        PendingBlock pending,
        ChaincodeTransaction transaction,
        WrittenRecords written,
        Submitter creator,
        DateOnly businessDay,
        string billId,
        CancellationToken cancellationToken)
    {
        Bill? bill = null;
        Deal? deal = null;
        DealTerms? terms = null;
        if (transaction.IsValid)
        {
            bill = await pending.GetBillAsync(billId, cancellationToken).ConfigureAwait(false);
            var dealId = written.Deals.Where(d => d.BillId == billId).Select(d => d.Id)
                .Concat(written.Terms.Keys).FirstOrDefault(id => pending.ChangedDeals.TryGetValue(id, out var c) && c.Deal.BillId == billId);
            if (dealId is not null)
            {
                deal = pending.ChangedDeals[dealId].Deal;
                terms = written.Terms.GetValueOrDefault(dealId);
            }
        }

        return new BillActivity(
            billId,
            transaction.BlockNumber,
            transaction.TransactionIndex,
            transaction.TransactionId,
            transaction.Timestamp,
            businessDay,
            transaction.Function,
            transaction.IsValid ? transaction.EventName : null,
            creator,
            transaction.ValidationCode,
            bill,
            deal,
            terms);
    }

    private async Task<bool> HadNoTermsAsync(string dealId, CancellationToken cancellationToken) =>
        (await _store.GetDealAsync(dealId, cancellationToken).ConfigureAwait(false))?.Terms is null;

    /// <summary>The records one transaction wrote, read from its write set (JSON of the bill model).</summary>
    private sealed record WrittenRecords(
        IReadOnlyList<Party> Parties,
        IReadOnlyList<Bill> Bills,
        IReadOnlyList<Deal> Deals,
        IReadOnlyDictionary<string, DealTerms> Terms,
        IReadOnlySet<string> BillIds);

    private static class Records
    {
        /// <summary>
        /// Reads the records a transaction wrote. A value that does not parse is left out (the contract writes only
        /// model JSON, so that would be another writer's key). For an invalid transaction the bill ids still count:
        /// they name the bills it tried to change.
        /// </summary>
        public static WrittenRecords Read(ChaincodeTransaction transaction)
        {
            var parties = new List<Party>();
            var bills = new List<Bill>();
            var deals = new List<Deal>();
            var terms = new Dictionary<string, DealTerms>(StringComparer.Ordinal);
            var billIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var write in transaction.Writes)
            {
                if (write.Collection is { } collection)
                {
                    if (collection.StartsWith(TermsCollections.Prefix, StringComparison.Ordinal) && TryParse<DealTerms>(write.Value) is { } dealTerms)
                    {
                        terms[write.Key] = dealTerms;
                    }

                    continue;
                }

                var key = StateKey.Parse(write.Key);
                if (key.TryGetRecordId(StateKey.Bill, out var billId))
                {
                    billIds.Add(billId);
                    if (TryParse<Bill>(write.Value) is { } bill)
                    {
                        bills.Add(bill);
                    }
                }
                else if (key.TryGetRecordId(StateKey.Deal, out _) && TryParse<Deal>(write.Value) is { } deal)
                {
                    deals.Add(deal);
                    billIds.Add(deal.BillId);
                }
                else if (key.TryGetRecordId(StateKey.Party, out _) && TryParse<Party>(write.Value) is { } party)
                {
                    parties.Add(party);
                }
            }

            return new WrittenRecords(parties, bills, deals, terms, billIds);
        }

        private static T? TryParse<T>(byte[]? value)
            where T : class
        {
            if (value is null)
            {
                return null;
            }

            try
            {
                return BillJson.Deserialize<T>(value);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
