using System.Collections.Concurrent;
using FabricFinance.Bills.Cli.Connection;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>Connects every identity to the same <see cref="FakeGateway"/>, remembering which peer it asked for.</summary>
internal sealed class FakePeerConnector(FakeGateway gateway) : IPeerConnector
{
    public ConcurrentQueue<PeerProfile> Connected { get; } = new();

    public PeerConnection Connect(PeerProfile peer)
    {
        Connected.Enqueue(peer);
        return new PeerConnection(gateway, Owner: null);
    }
}
