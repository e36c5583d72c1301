using System.Net;
using FabricFinance.Client.Tests.Infrastructure;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using DeliverService = Hyperledger.Fabric.Protos.Peer.Deliver;
using Envelope = Hyperledger.Fabric.Protos.Common.Envelope;

namespace FabricFinance.Client.Tests.Events;

/// <summary>
/// A peer's Deliver service on 127.0.0.1 over plaintext HTTP/2, answering from a scripted handler: it exercises the real
/// Grpc.Net.Client duplex transport, including a server that vanishes mid-stream and comes back on the same port.
/// </summary>
internal sealed class InProcessDeliverServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private InProcessDeliverServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public delegate Task DeliverHandler(Envelope request, IServerStreamWriter<DeliverResponse> responses, ServerCallContext context);

    public int Port { get; }

    public static async Task<InProcessDeliverServer> StartAsync(int port, DeliverHandler handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new ScriptedDeliverService(handler));
        var app = builder.Build();
        app.MapGrpcService<ScriptedDeliverService>();
        await app.StartAsync().DefaultTimeout();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new InProcessDeliverServer(app, new Uri(address).Port);
    }

    /// <summary>Stops at once, aborting open streams and connections, as a peer process that is killed.</summary>
    public async Task KillAsync()
    {
        _stopped = true;
        await _app.StopAsync(new CancellationToken(canceled: true)).DefaultTimeout();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await KillAsync();
        }
    }

    private sealed class ScriptedDeliverService(DeliverHandler handler) : DeliverService.DeliverBase
    {
        public override async Task Deliver(IAsyncStreamReader<Envelope> requestStream, IServerStreamWriter<DeliverResponse> responseStream, ServerCallContext context)
        {
            if (await requestStream.MoveNext(context.CancellationToken))
            {
                await handler(requestStream.Current, responseStream, context);
            }
        }
    }
}
