using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Msp;

namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// Builds endorsement policies (serialized <c>SignaturePolicyEnvelope</c>s over the member role of
/// organizations) for <see cref="ChaincodeDeployment.EndorsementPolicy"/> and
/// <see cref="CollectionDefinition.EndorsementPolicy"/>: the shapes of <c>OR(...)</c>, <c>AND(...)</c>,
/// <c>OutOf(n, ...)</c> and the channel default <c>MAJORITY Endorsement</c>. Organizations are sorted by MSP id.
/// </summary>
public static class SignaturePolicies
{
    /// <summary>One member of any of the organizations: <c>OR('A.member', 'B.member')</c>.</summary>
    /// <param name="mspIds">The MSP ids; at least one.</param>
    /// <returns>The serialized policy.</returns>
    /// <exception cref="ArgumentException">No MSP id, or an empty one.</exception>
    public static byte[] AnyOf(params IReadOnlyList<string> mspIds) => OutOf(1, mspIds);

    /// <summary>A member of every organization: <c>AND('A.member', 'B.member')</c>.</summary>
    /// <param name="mspIds">The MSP ids; at least one.</param>
    /// <returns>The serialized policy.</returns>
    /// <exception cref="ArgumentException">No MSP id, or an empty one.</exception>
    public static byte[] AllOf(params IReadOnlyList<string> mspIds) => OutOf(mspIds?.Count ?? 0, mspIds!);

    /// <summary>More than half of the organizations, as the channel default <c>MAJORITY Endorsement</c> over their peers.</summary>
    /// <param name="mspIds">The MSP ids; at least one.</param>
    /// <returns>The serialized policy.</returns>
    /// <exception cref="ArgumentException">No MSP id, or an empty one.</exception>
    public static byte[] Majority(params IReadOnlyList<string> mspIds) => OutOf((mspIds?.Count ?? 0) / 2 + 1, mspIds!);

    /// <summary>Members of at least <paramref name="count"/> of the organizations: <c>OutOf(n, 'A.member', …)</c>.</summary>
    /// <param name="count">How many organizations must endorse; from 1 to the number of organizations.</param>
    /// <param name="mspIds">The MSP ids; at least one.</param>
    /// <returns>The serialized policy.</returns>
    /// <exception cref="ArgumentException">No MSP id, or an empty one.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is out of range.</exception>
    public static byte[] OutOf(int count, params IReadOnlyList<string> mspIds)
    {
        ArgumentNullException.ThrowIfNull(mspIds);
        if (mspIds.Count == 0 || mspIds.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Give at least one MSP id, and no empty one.", nameof(mspIds));
        }

        var orgs = mspIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, orgs.Count);
        var outOf = new SignaturePolicy.Types.NOutOf { N = count };
        var envelope = new SignaturePolicyEnvelope { Version = 0, Rule = new SignaturePolicy { NOutOf = outOf } };
        for (var i = 0; i < orgs.Count; i++)
        {
            outOf.Rules.Add(new SignaturePolicy { SignedBy = i });
            envelope.Identities.Add(new MSPPrincipal
            {
                PrincipalClassification = MSPPrincipal.Types.Classification.Role,
                Principal = new MSPRole { MspIdentifier = orgs[i], Role = MSPRole.Types.MSPRoleType.Member }.ToByteString(),
            });
        }

        return envelope.ToByteArray();
    }
}
