namespace FabricFinance.Bills.Cli.Bench;

/// <summary>What a measured process is.</summary>
internal enum ProcessRole
{
    /// <summary>fabfin bench itself: the client.</summary>
    Driver,

    /// <summary>A chaincode service (<c>chaincode-NAME</c>).</summary>
    Chaincode,

    /// <summary>A peer.</summary>
    Peer,

    /// <summary>An orderer.</summary>
    Orderer,

    /// <summary>Something else the network recorded.</summary>
    Other,
}
