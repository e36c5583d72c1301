namespace FabricFinance.Client.Internal;

/// <summary>The three calls of a peer's Deliver service, one per kind of block event.</summary>
internal enum DeliverKind
{
    /// <summary><c>protos.Deliver/Deliver</c>: full blocks.</summary>
    Blocks,

    /// <summary><c>protos.Deliver/DeliverFiltered</c>: filtered blocks.</summary>
    FilteredBlocks,

    /// <summary><c>protos.Deliver/DeliverWithPrivateData</c>: full blocks with the private data the client may read.</summary>
    BlocksWithPrivateData,
}
