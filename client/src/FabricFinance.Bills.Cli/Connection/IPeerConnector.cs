using Grpc.Core;

namespace FabricFinance.Bills.Cli.Connection;

/// <summary>Opens the gRPC connection to a peer's Gateway service (replaced by a fake gateway in tests).</summary>
internal interface IPeerConnector
{
    /// <summary>Connects to a peer.</summary>
    /// <param name="peer">The peer: address and TLS CA file (paths already absolute).</param>
    /// <returns>The call invoker for the gateway, and what to dispose after it.</returns>
    PeerConnection Connect(PeerProfile peer);
}

/// <summary>An open connection to a peer.</summary>
/// <param name="Invoker">The invoker the gateway calls through.</param>
/// <param name="Owner">The channel to dispose when done, if any.</param>
internal sealed record PeerConnection(CallInvoker Invoker, IDisposable? Owner);
