using System.Runtime.CompilerServices;
using FabricFinance.Bills.Client.Internal;
using FabricFinance.Client;
using FabricFinance.Client.Errors;

namespace FabricFinance.Bills.Client;

/// <content>The contract's chaincode events, decoded into typed events.</content>
public sealed partial class BillMarketClient
{
    /// <summary>
    /// Reads the bill contract's events in ledger order, decoded: a <see cref="BillEvent"/>, <see cref="DealEvent"/>,
    /// <see cref="PartyEvent"/> or <see cref="LedgerInitializedEvent"/> per committed transaction (an
    /// <see cref="UnknownBillMarketEvent"/> for a name this client does not know), for as long as the caller enumerates.
    /// </summary>
    /// <param name="options">
    /// Where to start (<see cref="ChaincodeEventsOptions.StartBlock"/>, by default the next block committed; or a
    /// <see cref="ChaincodeEventsOptions.Checkpoint"/>, with <see cref="BillMarketEvent.CheckpointAsync"/> after each event
    /// processed) and whether to reconnect after transient failures.
    /// </param>
    /// <param name="cancellationToken">
    /// A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.
    /// </param>
    /// <returns>
    /// The events. The enumeration never ends silently: a failed stream throws a <see cref="GatewayException"/>, and a
    /// known event whose payload is not its record a <see cref="System.Text.Json.JsonException"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="options"/> is invalid (see <see cref="Network.GetChaincodeEventsAsync"/>).
    /// </exception>
    public IAsyncEnumerable<BillMarketEvent> GetEventsAsync(ChaincodeEventsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = Network.NewChaincodeEventsRequest(Contract.ChaincodeName, options);
        return DecodeAsync(request.GetEventsAsync(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Reads the events that concern one bill: its own, those of the sub-bills split from it (<c>{id}.1</c>,
    /// <c>{id}.2.1</c>, ...), and those of the deals on any of them.
    /// </summary>
    /// <param name="billId">The bill.</param>
    /// <param name="options">Where to start and whether to reconnect, as for <see cref="GetEventsAsync"/>.</param>
    /// <param name="cancellationToken">
    /// A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.
    /// </param>
    /// <returns>
    /// The <see cref="BillEvent"/> and <see cref="DealEvent"/> items about the bill; failures as for <see
    /// cref="GetEventsAsync"/>.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="billId"/> is not a bill id, or <paramref name="options"/> is invalid.
    /// </exception>
    public IAsyncEnumerable<BillMarketEvent> GetBillEventsAsync(string billId, ChaincodeEventsOptions? options = null, CancellationToken cancellationToken = default)
    {
        Require.BillReference(billId, nameof(billId));
        return WhereAsync(GetEventsAsync(options, cancellationToken), e => BillEventDecoder.ConcernsBill(e, billId), cancellationToken);
    }

    /// <summary>Reads the events of one deal: requested, accepted, settled or closed.</summary>
    /// <param name="dealId">The deal.</param>
    /// <param name="options">Where to start and whether to reconnect, as for <see cref="GetEventsAsync"/>.</param>
    /// <param name="cancellationToken">
    /// A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.
    /// </param>
    /// <returns>The deal's events; failures as for <see cref="GetEventsAsync"/>.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="dealId"/> is not a valid id, or <paramref name="options"/> is invalid.
    /// </exception>
    public IAsyncEnumerable<DealEvent> GetDealEventsAsync(string dealId, ChaincodeEventsOptions? options = null, CancellationToken cancellationToken = default)
    {
        Require.Id(dealId, nameof(dealId));
        return OfDealAsync(GetEventsAsync(options, cancellationToken), dealId, cancellationToken);
    }

    /// <summary>
    /// Reads the events that concern one party: its own registration and status changes, the bills it draws, accepts,
    /// holds, receives or passes on, the deals it sells or buys in, and the ledger's initialization when it is the
    /// exchange or the regulator.
    /// </summary>
    /// <param name="partyId">The party.</param>
    /// <param name="options">Where to start and whether to reconnect, as for <see cref="GetEventsAsync"/>.</param>
    /// <param name="cancellationToken">
    /// A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.
    /// </param>
    /// <returns>The events about the party; failures as for <see cref="GetEventsAsync"/>.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="partyId"/> is not a valid id, or <paramref name="options"/> is invalid.
    /// </exception>
    public IAsyncEnumerable<BillMarketEvent> GetPartyEventsAsync(string partyId, ChaincodeEventsOptions? options = null, CancellationToken cancellationToken = default)
    {
        Require.Id(partyId, nameof(partyId));
        return WhereAsync(GetEventsAsync(options, cancellationToken), e => BillEventDecoder.ConcernsParty(e, partyId), cancellationToken);
    }

    private static async IAsyncEnumerable<BillMarketEvent> DecodeAsync(
        IAsyncEnumerable<ChaincodeEvent> events,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chaincodeEvent in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return BillEventDecoder.Decode(chaincodeEvent);
        }
    }

    private static async IAsyncEnumerable<BillMarketEvent> WhereAsync(
        IAsyncEnumerable<BillMarketEvent> events,
        Func<BillMarketEvent, bool> predicate,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (predicate(e))
            {
                yield return e;
            }
        }
    }

    private static async IAsyncEnumerable<DealEvent> OfDealAsync(
        IAsyncEnumerable<BillMarketEvent> events,
        string dealId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (e is DealEvent d && d.Deal.Id == dealId)
            {
                yield return d;
            }
        }
    }
}
