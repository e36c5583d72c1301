using System.Diagnostics;
using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Hosting;

/// <summary>
/// Graceful shutdown over the real loopback server: running transactions finish, new ones are
/// refused, and the stream ends when the running ones are done or the grace period is over.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class ChaincodeShutdownTests
{
    /// <summary>
    /// How the peer sees the end of the stream: the service returns normally (OK), but Kestrel closes
    /// the connection as soon as its last stream is done, and the client may see the close before the
    /// trailers.
    /// </summary>
    private static readonly Grpc.Core.StatusCode[] Ended = [Grpc.Core.StatusCode.OK, Grpc.Core.StatusCode.Internal, Grpc.Core.StatusCode.Unavailable];

    private static async Task<ChaincodeResponse> ReadKeyAsync(IChaincodeStub stub, CancellationToken ct)
    {
        var value = await stub.GetStateAsync(stub.Parameters[0], ct).ConfigureAwait(false);
        return ChaincodeResponse.Success(value ?? []);
    }

    [Test]
    public async Task Stop_TransactionInFlight_LetsItCompleteAndRefusesNewOnes()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadKeyAsync);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        await peer.SendAsync(Messages.Transaction("tx1", "Read", "k1"));
        var getState = await peer.ReceiveAsync();

        // Act
        var stopping = server.StopAsync();
        await peer.SendAsync(Messages.Transaction("tx2", "Read", "k2"));
        var refused = await peer.ReceiveAsync();
        await peer.SendAsync(Messages.Response(getState, ByteString.CopyFromUtf8("v1")));
        var completed = await peer.ReceiveAsync();
        var status = await peer.WaitForEndAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.That(getState.Type, Is.EqualTo(MessageType.GetState));
        Assert.That((refused.Type, refused.Txid), Is.EqualTo((MessageType.Error, "tx2")));
        Assert.That(refused.Payload.ToStringUtf8(), Does.StartWith("shutting down"));
        Assert.That((completed.Type, completed.Txid), Is.EqualTo((MessageType.Completed, "tx1")));
        Assert.That(Messages.ReadResponse(completed).Payload.ToStringUtf8(), Is.EqualTo("v1"));
        Assert.That(status.StatusCode, Is.AnyOf(Ended), status.ToString());
    }

    [Test]
    public async Task Stop_GracePeriodOver_EndsTheStreamWithoutWaitingForThePeer()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadKeyAsync, configure: o => o.ShutdownGracePeriod = TimeSpan.FromMilliseconds(300));
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        await peer.SendAsync(Messages.Transaction("tx1", "Read", "k1"));
        await peer.ReceiveAsync();
        var clock = Stopwatch.StartNew();

        // Act: the GET_STATE is never answered.
        await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var status = await peer.WaitForEndAsync();

        // Assert
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(status.StatusCode, Is.AnyOf(Ended), status.ToString());
        Assert.That(async () => await peer.ReceiveAsync(), Throws.InvalidOperationException, "no COMPLETED for the abandoned transaction");
    }

    [Test]
    public async Task Stop_NothingRunning_EndsTheStreamAtOnce()
    {
        // Arrange
        await using var server = await ChaincodeServerHarness.StartAsync(ReadKeyAsync);
        await using var peer = await server.ConnectAsync();
        await peer.HandshakeAsync();
        var clock = Stopwatch.StartNew();

        // Act
        await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var status = await peer.WaitForEndAsync();

        // Assert
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(status.StatusCode, Is.AnyOf(Ended), status.ToString());
    }
}
