namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>The version Fabric gives a committed key: the block and the transaction's index in it that wrote it last.</summary>
/// <param name="BlockNumber">The block number.</param>
/// <param name="TransactionNumber">The transaction's index within the block.</param>
internal readonly record struct KeyVersion(ulong BlockNumber, ulong TransactionNumber)
{
    /// <summary>Formats the version as the peer's messages do.</summary>
    public override string ToString() => $"{{BlockNum: {BlockNumber}, TxNum: {TransactionNumber}}}";
}
