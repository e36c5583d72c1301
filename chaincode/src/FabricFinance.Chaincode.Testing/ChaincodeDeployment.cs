namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// What a chaincode definition on the channel says beyond the name: its private data collections and its
/// endorsement policy.
/// </summary>
public sealed class ChaincodeDeployment
{
    /// <summary>Gets the private data collections; none by default (private data calls then fail as on a peer).</summary>
    public IList<CollectionDefinition> Collections { get; } = new List<CollectionDefinition>();

    /// <summary>
    /// Gets or sets the chaincode's endorsement policy (a serialized <c>SignaturePolicyEnvelope</c>, see
    /// <see cref="SignaturePolicies"/>), checked at commit for transactions that name their endorsers
    /// (<see cref="TransactionOptions.EndorsingOrganizations"/>). <see langword="null"/> (the default) means any
    /// endorsement satisfies it; key-level policies are checked all the same.
    /// </summary>
    public ReadOnlyMemory<byte>? EndorsementPolicy { get; set; }
}
