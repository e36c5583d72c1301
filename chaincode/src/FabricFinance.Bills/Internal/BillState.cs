using System.Text;
using System.Text.Json;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;

namespace FabricFinance.Bills.Contract.Internal;

/// <summary>
/// The ledger as one transaction of the bill contract sees it: typed reads and writes of the
/// records, their indexes and the private deal terms. Records are JSON written with the router's
/// options (<see cref="JsonTransactionSerializer.Default"/>), so a stored record, a response and an
/// event payload of the same value are the same bytes.
/// </summary>
internal sealed class BillState
{
    private static readonly byte[] IndexValue = [0];

    private readonly IChaincodeStub _stub;
    private readonly CancellationToken _cancellationToken;

    public BillState(Context context)
    {
        _stub = context.Stub;
        _cancellationToken = context.CancellationToken;
        BusinessDate = BusinessCalendar.BusinessDate(_stub.TransactionTimestamp);
    }

    /// <summary>Gets the transaction's business date: its timestamp's date in UTC+8.</summary>
    public DateOnly BusinessDate { get; }

    /// <summary>Gets the transaction id, for trail entries.</summary>
    public string TransactionId => _stub.TransactionId;

    public static JsonSerializerOptions Json => JsonTransactionSerializer.Default.Options;

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);

    public static T Parse<T>(ReadOnlySpan<byte> json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? throw Refusal.InvalidState($"the stored {what} is null.");
        }
        catch (JsonException ex)
        {
            throw Refusal.InvalidState($"the stored {what} is not a valid {typeof(T).Name}: {ex.Message}");
        }
    }

    public Task<LedgerConfig?> GetConfigAsync() => GetAsync<LedgerConfig>(StateKeys.ConfigKey, "ledger config");

    public Task<Party?> GetPartyAsync(string partyId) => GetAsync<Party>(StateKeys.PartyKey(partyId), "party " + partyId);

    public Task<Bill?> GetBillAsync(string billId) => GetAsync<Bill>(StateKeys.BillKey(billId), "bill " + billId);

    public Task<Deal?> GetDealAsync(string dealId) => GetAsync<Deal>(StateKeys.DealKey(dealId), "deal " + dealId);

    /// <summary>The party that acts for exactly this identity (an enterprise's subject) or for the whole MSP (an institution).</summary>
    public async Task<string?> FindPartyIdAsync(string mspId, string? subject)
    {
        var value = await _stub.GetStateAsync(StateKeys.PartyIdentityKey(mspId, subject), _cancellationToken).ConfigureAwait(false);
        return value is null ? null : Encoding.UTF8.GetString(value);
    }

    /// <summary>
    /// Resolves the caller's party: the party registered for the creator's exact (MSP id, subject),
    /// else the institution party of its MSP. A suspended exact match is returned as it is (it does not
    /// fall back); peer and orderer identities never act for an institution. <see langword="null"/>
    /// when no party acts for the caller.
    /// </summary>
    public async Task<Party?> ResolveCallerAsync(ClientIdentity identity)
    {
        if (!identity.Subject.Contains(CompositeKey.Separator, StringComparison.Ordinal)
            && !identity.Subject.Contains(CompositeKey.MaxUnicodeRune, StringComparison.Ordinal)
            && await FindPartyIdAsync(identity.MspId, identity.Subject).ConfigureAwait(false) is { } exact)
        {
            return await GetPartyAsync(exact).ConfigureAwait(false);
        }

        if (identity.IsPeer || identity.IsOrderer)
        {
            return null;
        }

        return await FindPartyIdAsync(identity.MspId, null).ConfigureAwait(false) is { } institution
            ? await GetPartyAsync(institution).ConfigureAwait(false)
            : null;
    }

    public Task PutConfigAsync(LedgerConfig config) => PutAsync(StateKeys.ConfigKey, Serialize(config));

    /// <summary>Writes a new party and its identity index entry.</summary>
    public async Task AddPartyAsync(Party party)
    {
        await PutAsync(StateKeys.PartyKey(party.Id), Serialize(party)).ConfigureAwait(false);
        await PutAsync(StateKeys.PartyIdentityKey(party.MspId, party.Subject), Encoding.UTF8.GetBytes(party.Id)).ConfigureAwait(false);
    }

    /// <summary>Writes a changed party (its identity never changes).</summary>
    public Task PutPartyAsync(Party party) => PutAsync(StateKeys.PartyKey(party.Id), Serialize(party));

    /// <summary>Writes a bill and keeps its holder, status and acceptor index entries in step with it.</summary>
    /// <param name="bill">The bill as it is now.</param>
    /// <param name="previous">The bill as it was read in this transaction, or <see langword="null"/> for a new bill.</param>
    public async Task PutBillAsync(Bill bill, Bill? previous)
    {
        await PutAsync(StateKeys.BillKey(bill.Id), Serialize(bill)).ConfigureAwait(false);
        await IndexAsync(StateKeys.BillByHolder, previous?.Holder, bill.Holder, bill.Id).ConfigureAwait(false);
        await IndexAsync(StateKeys.BillByStatus, previous?.Status.ToString(), bill.Status.ToString(), bill.Id).ConfigureAwait(false);
        await IndexAsync(StateKeys.BillByAcceptor, previous?.Acceptor, bill.Acceptor, bill.Id).ConfigureAwait(false);
    }

    public Task PutDealAsync(Deal deal) => PutAsync(StateKeys.DealKey(deal.Id), Serialize(deal));

    /// <summary>
    /// Reads a deal's terms from its collection. A peer outside the collection holds only their hash
    /// and cannot answer: that is <c>NOT_FOUND</c> naming the collection, so the client asks a member's peer.
    /// </summary>
    public async Task<(DealTerms Terms, byte[] Json)> GetTermsAsync(string collection, string dealId)
    {
        byte[]? json;
        try
        {
            json = await _stub.GetPrivateDataAsync(collection, StateKeys.TermsKey(dealId), _cancellationToken).ConfigureAwait(false);
        }
        catch (ChaincodeException ex)
        {
            throw Refusal.NotFound(
                $"the terms of deal {dealId} are not available on this peer (collection {collection}): ask a peer of the seller's, the buyer's, the exchange's or the regulator's organization. The peer said: {ex.Message}");
        }

        return json is null
            ? throw Refusal.InvalidState($"the terms of deal {dealId} are missing from collection {collection}.")
            : (Parse<DealTerms>(json, $"terms of deal {dealId}"), json);
    }

    /// <summary>Writes a deal's terms, as their canonical JSON, to its collection.</summary>
    public Task PutTermsAsync(string collection, string dealId, DealTerms terms) =>
        _stub.PutPrivateDataAsync(collection, StateKeys.TermsKey(dealId), terms.ToCanonicalJson(), _cancellationToken);

    private async Task<T?> GetAsync<T>(string key, string what)
        where T : class
    {
        var json = await _stub.GetStateAsync(key, _cancellationToken).ConfigureAwait(false);
        return json is null ? null : Parse<T>(json, what);
    }

    private Task PutAsync(string key, byte[] value) => _stub.PutStateAsync(key, value, _cancellationToken);

    private async Task IndexAsync(string index, string? before, string after, string billId)
    {
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return;
        }

        if (before is not null)
        {
            await _stub.DeleteStateAsync(StateKeys.IndexKey(index, before, billId), _cancellationToken).ConfigureAwait(false);
        }

        await PutAsync(StateKeys.IndexKey(index, after, billId), IndexValue).ConfigureAwait(false);
    }
}
