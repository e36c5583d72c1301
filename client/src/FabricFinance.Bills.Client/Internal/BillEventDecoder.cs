using System.Text.Json;
using FabricFinance.Client;

namespace FabricFinance.Bills.Client.Internal;

/// <summary>Decodes the bill contract's chaincode events into typed events, and tells which events concern what.</summary>
internal static class BillEventDecoder
{
    /// <summary>Decodes one event: its name says which record its payload is.</summary>
    /// <exception cref="JsonException">A known event carries a payload that is not its record.</exception>
    public static BillMarketEvent Decode(ChaincodeEvent chaincodeEvent)
    {
        var name = chaincodeEvent.EventName;
        var block = chaincodeEvent.BlockNumber;
        var transactionId = chaincodeEvent.TransactionId;
        try
        {
            if (BillEvents.BillPayloads.Contains(name))
            {
                return new BillEvent(name, block, transactionId, BillJson.Deserialize<Bill>(chaincodeEvent.Payload.Span));
            }

            if (BillEvents.DealPayloads.Contains(name))
            {
                return new DealEvent(name, block, transactionId, BillJson.Deserialize<Deal>(chaincodeEvent.Payload.Span));
            }

            if (BillEvents.PartyPayloads.Contains(name))
            {
                return new PartyEvent(name, block, transactionId, BillJson.Deserialize<Party>(chaincodeEvent.Payload.Span));
            }

            if (name == BillEvents.LedgerInitialized)
            {
                return new LedgerInitializedEvent(block, transactionId, BillJson.Deserialize<LedgerConfig>(chaincodeEvent.Payload.Span));
            }
        }
        catch (JsonException ex)
        {
            throw new JsonException(
                $"The {name} event of transaction {transactionId} in block {block} carries a payload that is not its record: {ex.Message}", ex);
        }

        return new UnknownBillMarketEvent(name, block, transactionId, chaincodeEvent.Payload);
    }

    /// <summary>Whether an event concerns a bill: the bill itself, a sub-bill split from it, or a deal on either.</summary>
    public static bool ConcernsBill(BillMarketEvent e, string billId) => e switch
    {
        BillEvent b => IsSameOrDescendant(b.Bill.Id, billId),
        DealEvent d => IsSameOrDescendant(d.Deal.BillId, billId),
        _ => false,
    };

    /// <summary>Whether an event concerns a party: the party itself, or a bill or deal it takes part in.</summary>
    public static bool ConcernsParty(BillMarketEvent e, string partyId) => e switch
    {
        PartyEvent p => p.Party.Id == partyId,
        BillEvent b => b.Bill.Drawer == partyId || b.Bill.Payee == partyId || b.Bill.Acceptor == partyId || b.Bill.Holder == partyId
            || b.Bill.Trail.Any(t => t.From == partyId || t.To == partyId),
        DealEvent d => d.Deal.Seller == partyId || d.Deal.Buyer == partyId,
        LedgerInitializedEvent l => l.Config.Exchange.Id == partyId || l.Config.Regulator.Id == partyId,
        _ => false,
    };

    private static bool IsSameOrDescendant(string id, string ancestor) =>
        id.Length >= ancestor.Length
        && id.StartsWith(ancestor, StringComparison.Ordinal)
        && (id.Length == ancestor.Length || id[ancestor.Length] == '.');
}
