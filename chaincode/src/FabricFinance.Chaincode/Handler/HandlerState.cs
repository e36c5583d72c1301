namespace FabricFinance.Chaincode.Handler;

/// <summary>Where the registration handshake with the peer stands.</summary>
internal enum HandlerState
{
    /// <summary>REGISTER sent; waiting for REGISTERED.</summary>
    Created,

    /// <summary>REGISTERED received; waiting for READY.</summary>
    Established,

    /// <summary>READY received; transactions may arrive.</summary>
    Ready,
}
