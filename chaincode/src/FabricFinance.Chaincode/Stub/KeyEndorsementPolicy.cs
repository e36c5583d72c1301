using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Msp;
using RoleType = Hyperledger.Fabric.Protos.Msp.MSPRole.Types.MSPRoleType;

namespace FabricFinance.Chaincode;

/// <summary>
/// Builds a key-level (state-based) endorsement policy that requires an endorsement from every
/// listed organization, in the form Fabric's shims write with
/// <see cref="IChaincodeStub.SetStateValidationParameterAsync"/>: a <c>common.SignaturePolicyEnvelope</c>
/// whose rule is "N out of N" over one role principal per organization, ordered by MSP id.
/// </summary>
/// <remarks>
/// The bytes are deterministic: organizations are sorted by MSP id (ordinal), as the Go shim sorts
/// them, so every endorser writes the same value. Not thread-safe; build one per transaction.
/// </remarks>
public sealed class KeyEndorsementPolicy
{
    private readonly SortedDictionary<string, EndorsementRole> _orgs = new(StringComparer.Ordinal);

    /// <summary>Initializes an empty policy (no organization listed yet).</summary>
    public KeyEndorsementPolicy()
    {
    }

    /// <summary>
    /// Initializes a policy from the bytes of an existing one, as returned by
    /// <see cref="IChaincodeStub.GetStateValidationParameterAsync"/>; empty bytes give an empty policy.
    /// </summary>
    /// <param name="policy">A serialized <c>SignaturePolicyEnvelope</c> of the form this class writes.</param>
    /// <exception cref="ArgumentException">
    /// The bytes are not a <c>SignaturePolicyEnvelope</c>, or it is not "every listed organization"
    /// over role principals: reading it here and writing it back would silently change its meaning.
    /// </exception>
    public KeyEndorsementPolicy(ReadOnlySpan<byte> policy)
    {
        if (policy.IsEmpty)
        {
            return;
        }

        SignaturePolicyEnvelope envelope;
        try
        {
            envelope = SignaturePolicyEnvelope.Parser.ParseFrom(policy);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ArgumentException($"The policy is not a SignaturePolicyEnvelope: {ex.Message}", nameof(policy), ex);
        }

        var problem = Load(envelope);
        if (problem is not null)
        {
            throw new ArgumentException($"{problem} Reading it as a key endorsement policy and writing it back would change its meaning.", nameof(policy));
        }
    }

    /// <summary>
    /// Requires an endorsement from each of the given organizations, with the given role. An
    /// organization already listed gets the new role.
    /// </summary>
    /// <param name="role">The role their endorsing identity must have.</param>
    /// <param name="mspIds">The MSP ids of the organizations.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not a defined role.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="mspIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An MSP id is null or empty.</exception>
    public void AddOrgs(EndorsementRole role, params IEnumerable<string> mspIds)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "The role is not one of Member, Peer, Admin or Client.");
        }

        foreach (var mspId in ValidateMspIds(mspIds))
        {
            _orgs[mspId] = role;
        }
    }

    /// <summary>Stops requiring an endorsement from the given organizations; unknown ones are ignored.</summary>
    /// <param name="mspIds">The MSP ids of the organizations.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mspIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An MSP id is null or empty.</exception>
    public void DeleteOrgs(params IEnumerable<string> mspIds)
    {
        foreach (var mspId in ValidateMspIds(mspIds))
        {
            _orgs.Remove(mspId);
        }
    }

    /// <summary>Lists the organizations whose endorsement is required, sorted by MSP id (ordinal).</summary>
    /// <returns>The MSP ids.</returns>
    public IReadOnlyList<string> ListOrgs() => [.. _orgs.Keys];

    /// <summary>Gets the role required of an organization, or <see langword="null"/> when it is not listed.</summary>
    /// <param name="mspId">The MSP id.</param>
    /// <returns>The role, or <see langword="null"/>.</returns>
    public EndorsementRole? GetRole(string mspId) => _orgs.TryGetValue(mspId, out var role) ? role : null;

    /// <summary>
    /// Serializes the policy: a <c>SignaturePolicyEnvelope</c> (version 0) whose rule requires
    /// all of its principals, one <c>MSPRole</c> principal per organization in MSP id order.
    /// </summary>
    /// <returns>The bytes to pass to <see cref="IChaincodeStub.SetStateValidationParameterAsync"/>.</returns>
    public byte[] GetPolicy()
    {
        var all = new SignaturePolicy.Types.NOutOf { N = _orgs.Count };
        var envelope = new SignaturePolicyEnvelope { Version = 0, Rule = new SignaturePolicy { NOutOf = all } };
        foreach (var (mspId, role) in _orgs)
        {
            all.Rules.Add(new SignaturePolicy { SignedBy = envelope.Identities.Count });
            envelope.Identities.Add(new MSPPrincipal
            {
                PrincipalClassification = MSPPrincipal.Types.Classification.Role,
                Principal = new MSPRole { MspIdentifier = mspId, Role = ToRoleType(role) }.ToByteString(),
            });
        }

        return envelope.ToByteArray();
    }

    private static List<string> ValidateMspIds(IEnumerable<string> mspIds)
    {
        ArgumentNullException.ThrowIfNull(mspIds);
        var list = mspIds.ToList();
        if (list.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("An MSP id is null or empty.", nameof(mspIds));
        }

        return list;
    }

    /// <summary>Reads the organizations of an envelope; returns what is wrong with it, or <see langword="null"/>.</summary>
    private string? Load(SignaturePolicyEnvelope envelope)
    {
        var count = envelope.Identities.Count;
        for (var i = 0; i < count; i++)
        {
            var principal = envelope.Identities[i];
            if (principal.PrincipalClassification != MSPPrincipal.Types.Classification.Role)
            {
                return $"Principal {i} is a {principal.PrincipalClassification} principal; a key endorsement policy lists ROLE principals only.";
            }

            MSPRole role;
            try
            {
                role = MSPRole.Parser.ParseFrom(principal.Principal);
            }
            catch (InvalidProtocolBufferException ex)
            {
                return $"Principal {i} is not an MSPRole ({ex.Message}).";
            }

            if (string.IsNullOrEmpty(role.MspIdentifier))
            {
                return $"Principal {i} names no MSP.";
            }

            if (FromRoleType(role.Role) is not { } endorsementRole)
            {
                return $"Principal {i} has the {role.Role} role, which a key endorsement policy does not use.";
            }

            if (!_orgs.TryAdd(role.MspIdentifier, endorsementRole))
            {
                return $"Principal {i} lists {role.MspIdentifier} a second time.";
            }
        }

        var rule = envelope.Rule;
        if (count == 0 && (rule is null || rule is { TypeCase: SignaturePolicy.TypeOneofCase.NOutOf, NOutOf: { N: 0, Rules.Count: 0 } }))
        {
            return null;
        }

        var requiresAll = rule is { TypeCase: SignaturePolicy.TypeOneofCase.NOutOf }
            && rule.NOutOf.N == count
            && rule.NOutOf.Rules.Count == count
            && rule.NOutOf.Rules.All(r => r.TypeCase == SignaturePolicy.TypeOneofCase.SignedBy && r.SignedBy >= 0 && r.SignedBy < count)
            && rule.NOutOf.Rules.Select(r => r.SignedBy).Distinct().Count() == count;
        return requiresAll ? null : $"Its rule is not \"all {count} principals, each signing once\".";
    }

    private static RoleType ToRoleType(EndorsementRole role) => role switch
    {
        EndorsementRole.Member => RoleType.Member,
        EndorsementRole.Peer => RoleType.Peer,
        EndorsementRole.Admin => RoleType.Admin,
        EndorsementRole.Client => RoleType.Client,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    private static EndorsementRole? FromRoleType(RoleType role) => role switch
    {
        RoleType.Member => EndorsementRole.Member,
        RoleType.Peer => EndorsementRole.Peer,
        RoleType.Admin => EndorsementRole.Admin,
        RoleType.Client => EndorsementRole.Client,
        _ => null,
    };
}
