using FabricFinance.Chaincode;

namespace FabricFinance.Bills.Contract.Internal;

/// <summary>
/// The world-state keys of the bill contract, all composite keys (<see cref="CompositeKey.Create"/>).
/// Records: <c>config</c>, <c>party/{id}</c>, <c>bill/{id}</c>, <c>deal/{id}</c>. Indexes (value one
/// 0x00 byte unless noted): <c>party~subject/{mspId}/{subject}</c> and <c>party~msp/{mspId}</c> (value:
/// the party id), <c>bill~holder/{party}/{bill}</c>, <c>bill~status/{status}/{bill}</c>,
/// <c>bill~acceptor/{party}/{bill}</c>. Keys of one type sort by bill id in ordinal order, because
/// U+0000 ends each component.
/// </summary>
internal static class StateKeys
{
    public const string Config = "config";
    public const string Party = "party";
    public const string PartyBySubject = "party~subject";
    public const string PartyByMsp = "party~msp";
    public const string Bill = "bill";
    public const string Deal = "deal";
    public const string BillByHolder = "bill~holder";
    public const string BillByStatus = "bill~status";
    public const string BillByAcceptor = "bill~acceptor";

    public static string ConfigKey { get; } = CompositeKey.Create(Config);

    public static string PartyKey(string partyId) => CompositeKey.Create(Party, partyId);

    /// <summary>The identity index: the exact (MSP, subject) of an enterprise, or the MSP of an institution.</summary>
    public static string PartyIdentityKey(string mspId, string? subject) =>
        subject is null ? CompositeKey.Create(PartyByMsp, mspId) : CompositeKey.Create(PartyBySubject, mspId, subject);

    public static string BillKey(string billId) => CompositeKey.Create(Bill, billId);

    public static string DealKey(string dealId) => CompositeKey.Create(Deal, dealId);

    public static string IndexKey(string index, string value, string billId) => CompositeKey.Create(index, value, billId);

    /// <summary>The key of a deal's terms in its private data collection: the deal id itself.</summary>
    public static string TermsKey(string dealId) => dealId;
}
