using System.Collections.Concurrent;
using FabricFinance.Bills.Cli.Connection;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>Peer heights as the test sets them; each read is recorded. By default no height can be read.</summary>
internal sealed class FakePeerHeights : IPeerHeights
{
    public Func<PeerProfile, int, ulong?> Height { get; set; } = (_, _) => null;

    public ConcurrentQueue<string> Reads { get; } = new();

    public Task<ulong?> GetHeightAsync(PeerProfile peer, string channel, CancellationToken cancellationToken)
    {
        Reads.Enqueue(peer.Name);
        return Task.FromResult(Height(peer, Reads.Count(name => name == peer.Name)));
    }
}
