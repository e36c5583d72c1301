using FabricFinance.Chaincode.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Chaincode.Tests.Infrastructure;

/// <summary>
/// The real chaincode server (Kestrel, HTTP/2, the real <c>protos.Chaincode</c> service) on a free
/// loopback port, and a gRPC channel to it for a <see cref="ScriptedPeer"/>.
/// </summary>
internal sealed class ChaincodeServerHarness : IAsyncDisposable
{
    public const string ChaincodeId = "assets_1.0:0123456789abcdef";

    private readonly WebApplication _app;

    private ChaincodeServerHarness(WebApplication app, GrpcChannel channel)
    {
        _app = app;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    public static async Task<ChaincodeServerHarness> StartAsync(ChaincodeBehaviour behaviour)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddChaincodeServer<DelegateChaincode>(o =>
        {
            o.Address = "127.0.0.1:0";
            o.ChaincodeId = ChaincodeId;
        });
        builder.Services.AddSingleton(behaviour);
        var app = builder.Build();
        app.MapChaincodeService();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var channel = GrpcChannel.ForAddress(address);
        return new ChaincodeServerHarness(app, channel);
    }

    public Task<ScriptedPeer> ConnectAsync() => ScriptedPeer.ConnectAsync(Channel);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
