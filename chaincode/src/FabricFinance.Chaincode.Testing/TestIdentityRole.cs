namespace FabricFinance.Chaincode.Testing;

/// <summary>
/// The node OU role a <see cref="TestIdentity"/> certificate carries (its subject's OU), as cryptogen and
/// Fabric CA issue them when an MSP has node OUs enabled.
/// </summary>
public enum TestIdentityRole
{
    /// <summary>An application client (OU <c>client</c>): the usual signer of transactions.</summary>
    Client,

    /// <summary>A peer (OU <c>peer</c>).</summary>
    Peer,

    /// <summary>An organization administrator (OU <c>admin</c>).</summary>
    Admin,

    /// <summary>An orderer (OU <c>orderer</c>).</summary>
    Orderer,
}
