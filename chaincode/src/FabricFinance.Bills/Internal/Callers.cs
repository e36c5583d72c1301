using FabricFinance.Chaincode;

namespace FabricFinance.Bills.Contract.Internal;

/// <summary>The permission check of the error precedence (<c>FORBIDDEN</c>), naming who the caller is.</summary>
internal static class Callers
{
    /// <summary>
    /// Returns the caller's party when it is active and <paramref name="allowed"/>; otherwise throws
    /// <c>FORBIDDEN</c> with <paramref name="rule"/> and who the caller turned out to be.
    /// </summary>
    public static Party Require(Party? caller, ClientIdentity identity, bool allowed, string rule)
    {
        if (caller is { Status: PartyStatus.Active } && allowed)
        {
            return caller;
        }

        throw Refusal.Forbidden($"{rule}; {Describe(caller, identity)}.");
    }

    /// <summary>Returns the caller's party when it is active and of one of the kinds.</summary>
    public static Party RequireKind(Party? caller, ClientIdentity identity, string rule, params PartyKind[] kinds) =>
        Require(caller, identity, caller is not null && kinds.Contains(caller.Kind), rule);

    public static string Describe(Party? caller, ClientIdentity identity) => caller switch
    {
        null => $"the caller ({identity.MspId}, {identity.Subject}) acts for no registered party",
        { Status: PartyStatus.Suspended } => $"the caller's party {caller.Id} is suspended",
        _ => $"the caller acts for {Text.Kind(caller.Kind)} {caller.Id}",
    };
}
