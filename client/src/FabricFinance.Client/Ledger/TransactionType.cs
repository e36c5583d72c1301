namespace FabricFinance.Client.Ledger;

/// <summary>
/// The kind of a transaction in a block: the type in its channel header (Fabric's <c>common.HeaderType</c>).
/// </summary>
/// <remarks>Values a newer peer may use that are not listed here are kept as their numbers.</remarks>
public enum TransactionType
{
    /// <summary>The envelope could not be read, so its type is unknown.</summary>
    Unknown = -1,

    /// <summary>A signed, otherwise opaque message.</summary>
    Message = 0,

    /// <summary>A channel configuration: the genesis block, or a configuration update once ordered.</summary>
    Config = 1,

    /// <summary>A request to change the channel configuration.</summary>
    ConfigUpdate = 2,

    /// <summary>An endorsed chaincode transaction: the usual kind.</summary>
    EndorserTransaction = 3,

    /// <summary>An ordering service transaction, from the removed system channel.</summary>
    OrdererTransaction = 4,

    /// <summary>A request to a Deliver service for blocks.</summary>
    DeliverSeekInfo = 5,

    /// <summary>A chaincode package for installation.</summary>
    ChaincodePackage = 6,
}
