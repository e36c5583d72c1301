using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Msp;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// Evaluates a signature policy (<c>SignaturePolicyEnvelope</c>) against the endorsing peers of a set of
/// organizations, the way Fabric's policy engine does: a principal is satisfied by an endorsement not used
/// yet, each <c>NOutOf</c> rule tries its sub-rules in order on a copy of the used flags and keeps a copy
/// only when the sub-rule holds. An endorsing peer satisfies the <c>MEMBER</c> and <c>PEER</c> roles of its
/// organization; other roles and principal kinds are never satisfied.
/// </summary>
internal static class PolicyEvaluator
{
    public static bool IsSatisfied(ReadOnlySpan<byte> policy, IReadOnlyList<string> endorsingOrganizations)
    {
        SignaturePolicyEnvelope envelope;
        try
        {
            envelope = SignaturePolicyEnvelope.Parser.ParseFrom(policy);
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }

        var endorsers = endorsingOrganizations.Distinct(StringComparer.Ordinal).ToArray();
        return envelope.Rule is not null && Evaluate(envelope.Rule, envelope, endorsers, new bool[endorsers.Length]);
    }

    private static bool Evaluate(SignaturePolicy rule, SignaturePolicyEnvelope envelope, string[] endorsers, bool[] used)
    {
        switch (rule.TypeCase)
        {
            case SignaturePolicy.TypeOneofCase.SignedBy:
                if (rule.SignedBy < 0 || rule.SignedBy >= envelope.Identities.Count)
                {
                    return false;
                }

                var principal = envelope.Identities[rule.SignedBy];
                for (var i = 0; i < endorsers.Length; i++)
                {
                    if (!used[i] && Satisfies(principal, endorsers[i]))
                    {
                        used[i] = true;
                        return true;
                    }
                }

                return false;
            case SignaturePolicy.TypeOneofCase.NOutOf:
                var verified = 0;
                var attempt = new bool[used.Length];
                foreach (var sub in rule.NOutOf.Rules)
                {
                    used.CopyTo(attempt, 0);
                    if (Evaluate(sub, envelope, endorsers, attempt))
                    {
                        verified++;
                        attempt.CopyTo(used, 0);
                    }
                }

                return verified >= rule.NOutOf.N;
            default:
                return false;
        }
    }

    private static bool Satisfies(MSPPrincipal principal, string endorserMspId)
    {
        if (principal.PrincipalClassification != MSPPrincipal.Types.Classification.Role)
        {
            return false;
        }

        MSPRole role;
        try
        {
            role = MSPRole.Parser.ParseFrom(principal.Principal);
        }
        catch (InvalidProtocolBufferException)
        {
            return false;
        }

        return role.MspIdentifier == endorserMspId
            && role.Role is MSPRole.Types.MSPRoleType.Member or MSPRole.Types.MSPRoleType.Peer;
    }
}
