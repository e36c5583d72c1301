using FabricFinance.Chaincode.Hosting;
using System.Security.Cryptography.X509Certificates;
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

    private ChaincodeServerHarness(WebApplication app, string address, GrpcChannel channel)
    {
        _app = app;
        Address = address;
        Channel = channel;
    }

    /// <summary>Gets the address Kestrel bound, with its scheme (<c>https</c> when serving TLS).</summary>
    public string Address { get; }

    public GrpcChannel Channel { get; }

    /// <summary>Gets the server's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the server; with <paramref name="tls"/> it serves TLS (mutual TLS when <paramref name="requireClientCertificate"/>).</summary>
    public static Task<ChaincodeServerHarness> StartAsync(
        ChaincodeBehaviour behaviour,
        TestCertificates? tls = null,
        bool requireClientCertificate = false,
        X509Certificate2? clientCertificate = null,
        Action<ChaincodeServerOptions>? configure = null) =>
        StartCoreAsync(
            builder =>
            {
                builder.AddChaincodeServer<DelegateChaincode>(o => Configure(o, tls, requireClientCertificate, configure));
                builder.Services.AddSingleton(behaviour);
            },
            tls,
            clientCertificate);

    /// <summary>
    /// Starts the server with the chaincode the test registers (for example contracts), through the
    /// non-generic <c>AddChaincodeServer</c>.
    /// </summary>
    public static Task<ChaincodeServerHarness> StartWithServicesAsync(
        Action<IServiceCollection> register,
        Action<ChaincodeServerOptions>? configure = null) =>
        StartCoreAsync(
            builder =>
            {
                register(builder.Services);
                builder.AddChaincodeServer(o => Configure(o, null, false, configure));
            },
            null,
            null);

    private static void Configure(ChaincodeServerOptions options, TestCertificates? tls, bool requireClientCertificate, Action<ChaincodeServerOptions>? configure)
    {
        options.Address = "127.0.0.1:0";
        options.ChaincodeId = ChaincodeId;
        if (tls is not null)
        {
            options.TlsCertificateFile = tls.ServerCertificateFile;
            options.TlsKeyFile = tls.ServerKeyFile;
            options.TlsClientCaFile = requireClientCertificate ? tls.CaFile : string.Empty;
        }

        configure?.Invoke(options);
    }

    private static async Task<ChaincodeServerHarness> StartCoreAsync(Action<WebApplicationBuilder> register, TestCertificates? tls, X509Certificate2? clientCertificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        register(builder);
        var app = builder.Build();
        app.MapChaincodeService();
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = CreateHandler(tls, clientCertificate) });
        return new ChaincodeServerHarness(app, address, channel);
    }

    private static SocketsHttpHandler CreateHandler(TestCertificates? tls, X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler();
        if (tls is null)
        {
            return handler;
        }

        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(tls.Ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is X509Certificate2 server && chain.Build(server);
        };
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        return handler;
    }

    public Task<ScriptedPeer> ConnectAsync() => ScriptedPeer.ConnectAsync(Channel);

    /// <summary>Stops the host as a shutdown signal would: the returned task completes when it has stopped.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
