using System.Collections.Concurrent;
using FabricFinance.Client.Events;
using FabricFinance.Client.Tests.Infrastructure;
using FabricFinance.Client.Tests.Ledger;
using Grpc.Net.Client;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Orderer;
using DeliverResponse = Hyperledger.Fabric.Protos.Peer.DeliverResponse;

namespace FabricFinance.Client.Tests.Events;

/// <summary>Block events over the real Grpc.Net.Client transport, against an in-process Deliver service.</summary>
public class InProcessDeliverTests
{
    [Test]
    [CancelAfter(30_000)]
    public async Task GetBlockEventsAsync_PeerKilledAndRestartedOnSamePort_ResumesWithoutGapOrDuplicate()
    {
        // Arrange: each server instance sends two blocks from the requested start, then keeps the stream open.
        var starts = new ConcurrentQueue<ulong>();
        InProcessDeliverServer.DeliverHandler handler = async (request, responses, context) =>
        {
            var start = SeekInfo.Parser.ParseFrom(Payload.Parser.ParseFrom(request.Payload).Data).Start.Specified.Number;
            starts.Enqueue(start);
            for (var number = start; number < start + 2; number++)
            {
                await responses.WriteAsync(new DeliverResponse { Block = TestBlocks.Block(number, $"tx-{number}") });
            }

            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        };
        var first = await InProcessDeliverServer.StartAsync(0, handler);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{first.Port}");
        using var user = new TestIdentity();
        using var gateway = Gateway.Connect(channel, user.Identity, new GatewayOptions { Signer = user.Signer });
        var failures = new ConcurrentQueue<string>();
        var options = new BlockEventsOptions
        {
            StartBlock = 5,
            ResumeOnFailure = true,
            ResumePolicy = new EventsResumePolicy
            {
                InitialDelay = TimeSpan.FromMilliseconds(20),
                MaxDelay = TimeSpan.FromMilliseconds(200),
                MaxAttempts = 100,
                ShouldResume = ex =>
                {
                    failures.Enqueue($"{ex.StatusCode}: {ex.Message}");
                    return EventsResumePolicy.IsTransient(ex);
                },
            },
        };
        await using var blocks = gateway.GetNetwork(TestGateway.ChannelName).GetBlockEventsAsync(options).GetAsyncEnumerator();
        var received = new List<ulong>();
        for (var i = 0; i < 2; i++)
        {
            Assert.That(await blocks.MoveNextAsync().AsTask().DefaultTimeout(), Is.True);
            received.Add(blocks.Current.Header.Number);
        }

        // Act: the peer dies while the client waits for block 7, and comes back on the same port.
        var waiting = blocks.MoveNextAsync().AsTask();
        await first.KillAsync();
        await Task.Delay(100);
        await using var second = await InProcessDeliverServer.StartAsync(first.Port, handler);
        for (var i = 0; i < 2; i++)
        {
            Assert.That(i == 0 ? await waiting.DefaultTimeout() : await blocks.MoveNextAsync().AsTask().DefaultTimeout(), Is.True);
            received.Add(blocks.Current.Header.Number);
        }

        // Assert: the failures the real transport reported were all judged transient by the default test.
        await TestContext.Out.WriteLineAsync(string.Join(Environment.NewLine, failures));
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Not.Empty);
            Assert.That(received, Is.EqualTo(new[] { 5UL, 6UL, 7UL, 8UL }));
            Assert.That(starts, Is.EqualTo(new[] { 5UL, 7UL }));
        });
    }
}
