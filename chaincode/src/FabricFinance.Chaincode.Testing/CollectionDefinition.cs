namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// A private data collection of a chaincode, as in a collections config: its name, member organizations,
/// whether only members may read or write it, and an optional collection-level endorsement policy.
/// </summary>
/// <remarks>
/// What the in-memory ledger models: the member check of the transaction's creator (the client's MSP id)
/// for reads and writes when <see cref="MemberOnlyRead"/> or <see cref="MemberOnlyWrite"/> is set, with
/// the peer's error texts; which peers hold the values (a transaction simulated at a non-member
/// organization's peer, see <see cref="TransactionOptions.PeerOrganization"/>, finds only hashes); and
/// the collection's endorsement policy at commit. Dissemination, <c>requiredPeerCount</c>,
/// <c>blockToLive</c> and reconciliation are not modeled: every member peer has every value.
/// </remarks>
public sealed class CollectionDefinition
{
    /// <summary>Initializes a collection.</summary>
    /// <param name="name">The collection name; not empty.</param>
    /// <param name="memberOrganizations">The MSP ids of the member organizations; at least one.</param>
    /// <exception cref="ArgumentException">The name is empty, or there is no member or an empty one.</exception>
    public CollectionDefinition(string name, params IReadOnlyList<string> memberOrganizations)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(memberOrganizations);
        if (memberOrganizations.Count == 0 || memberOrganizations.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"Collection '{name}' needs at least one member organization, and no empty MSP id.", nameof(memberOrganizations));
        }

        Name = name;
        MemberOrganizations = [.. memberOrganizations];
    }

    /// <summary>Gets the collection name.</summary>
    public string Name { get; }

    /// <summary>Gets the MSP ids of the member organizations.</summary>
    public IReadOnlyList<string> MemberOrganizations { get; }

    /// <summary>Gets or sets a value indicating whether only clients of member organizations may read the collection's values (<c>memberOnlyRead</c>).</summary>
    public bool MemberOnlyRead { get; set; }

    /// <summary>Gets or sets a value indicating whether only clients of member organizations may write the collection (<c>memberOnlyWrite</c>).</summary>
    public bool MemberOnlyWrite { get; set; }

    /// <summary>
    /// Gets or sets the collection-level endorsement policy (a serialized <c>SignaturePolicyEnvelope</c>, see
    /// <see cref="SignaturePolicies"/>) that writes to the collection must satisfy instead of the chaincode's;
    /// <see langword="null"/> to use the chaincode's.
    /// </summary>
    public ReadOnlyMemory<byte>? EndorsementPolicy { get; set; }

    /// <summary>Tells whether an organization is a member.</summary>
    /// <param name="mspId">The MSP id.</param>
    /// <returns><see langword="true"/> when it is one of <see cref="MemberOrganizations"/>.</returns>
    public bool IsMember(string mspId) => MemberOrganizations.Contains(mspId, StringComparer.Ordinal);
}
