namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// One transaction on one channel: the proposal, the simulation shared by every chaincode it calls on
/// that channel, the peer that simulates it and whether it is an Init.
/// </summary>
internal sealed class TransactionContext(InMemoryLedger ledger, ProposalData proposal, TxSimulator simulator, string? peerOrganization, bool isInit)
{
    public InMemoryLedger Ledger { get; } = ledger;

    public ProposalData Proposal { get; } = proposal;

    public TxSimulator Simulator { get; } = simulator;

    /// <summary>Gets the MSP id of the simulating peer's organization; <see langword="null"/>: a member of every collection.</summary>
    public string? PeerOrganization { get; } = peerOrganization;

    public bool IsInit { get; } = isInit;

    public string TransactionId => Proposal.TransactionId;

    public bool PeerHoldsValuesOf(CollectionDefinition collection) =>
        PeerOrganization is null || collection.IsMember(PeerOrganization);
}
