namespace FabricFinance.Client.Ledger;

/// <summary>The height and latest hashes of a channel's ledger on the peer that answered.</summary>
/// <param name="Height">The number of blocks on the ledger: the number of the next block to be committed.</param>
/// <param name="CurrentBlockHash">The hash of the header of the latest block, number <c>Height − 1</c>.</param>
/// <param name="PreviousBlockHash">The hash of the header of the block before the latest one; empty for a one-block ledger.</param>
/// <param name="SnapshotLastBlock">
/// When the peer joined the channel from a snapshot, the number of the last block in that snapshot: blocks up to it are
/// not on this peer. <see langword="null"/> otherwise.
/// </param>
public sealed record ChainInfo(
    ulong Height,
    ReadOnlyMemory<byte> CurrentBlockHash,
    ReadOnlyMemory<byte> PreviousBlockHash,
    ulong? SnapshotLastBlock);
