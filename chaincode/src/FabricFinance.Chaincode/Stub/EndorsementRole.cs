namespace FabricFinance.Chaincode;

/// <summary>
/// The role an organization's identity must have to satisfy a <see cref="KeyEndorsementPolicy"/>.
/// With node OUs enabled (the usual case) endorsers are <see cref="Peer"/>s; without them every
/// identity of the organization is only a <see cref="Member"/>.
/// </summary>
public enum EndorsementRole
{
    /// <summary>Any identity of the organization (<c>MSPRole.MEMBER</c>).</summary>
    Member,

    /// <summary>A peer of the organization (<c>MSPRole.PEER</c>).</summary>
    Peer,

    /// <summary>An administrator of the organization (<c>MSPRole.ADMIN</c>).</summary>
    Admin,

    /// <summary>A client of the organization (<c>MSPRole.CLIENT</c>).</summary>
    Client,
}
