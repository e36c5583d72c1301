namespace FabricFinance.Bills.Cli.Connection;

/// <summary>Reads how many blocks a peer has committed on a channel (replaced in tests).</summary>
internal interface IPeerHeights
{
    /// <summary>The peer's ledger height on the channel, or <see langword="null"/> when it cannot be read.</summary>
    Task<ulong?> GetHeightAsync(PeerProfile peer, string channel, CancellationToken cancellationToken);
}
