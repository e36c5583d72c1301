using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FabricFinance.Chaincode.Hosting;

/// <summary>Registers a chaincode as a gRPC server that Fabric peers dial (chaincode-as-a-service).</summary>
public static class ChaincodeServerExtensions
{
    /// <summary>The largest message the server accepts or sends, as Fabric's own shims allow.</summary>
    public const int MaxMessageSize = 100 * 1024 * 1024;

    /// <summary>The gRPC service name peers connect to, also reported by the health service.</summary>
    public const string ServiceName = "protos.Chaincode";

    /// <summary>
    /// Adds the chaincode service for an <see cref="IChaincode"/> implementation: reads
    /// <see cref="ChaincodeServerOptions"/> from configuration (then <paramref name="configure"/>),
    /// validates them, and makes Kestrel listen on the address with HTTP/2 only, over TLS when
    /// configured, with keepalive pings, the gRPC health service and graceful shutdown.
    /// </summary>
    /// <typeparam name="TChaincode">The chaincode; created once and shared by all transactions.</typeparam>
    /// <param name="builder">The web application builder.</param>
    /// <param name="configure">Optional changes applied after configuration is read.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">A setting is missing or malformed.</exception>
    public static WebApplicationBuilder AddChaincodeServer<TChaincode>(
        this WebApplicationBuilder builder,
        Action<ChaincodeServerOptions>? configure = null)
        where TChaincode : class, IChaincode
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IChaincode, TChaincode>();
        return builder.AddChaincodeServer(configure);
    }

    /// <summary>
    /// Adds the chaincode service for the <see cref="IChaincode"/> registered in the services, usually
    /// a contract router from <c>builder.Services.AddContracts().AddContract&lt;MyContract&gt;()</c>. As
    /// <see cref="AddChaincodeServer{TChaincode}"/> otherwise; the chaincode is resolved when the host
    /// starts, so a missing chaincode or a bad contract stops it there.
    /// </summary>
    /// <param name="builder">The web application builder.</param>
    /// <param name="configure">Optional changes applied after configuration is read.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">A setting is missing or malformed.</exception>
    public static WebApplicationBuilder AddChaincodeServer(this WebApplicationBuilder builder, Action<ChaincodeServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ChaincodeServerOptions.FromConfiguration(builder.Configuration);
        configure?.Invoke(options);
        var endpoint = options.Validate();

        builder.Services.AddSingleton(options);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageSize;
            grpc.MaxSendMessageSize = MaxMessageSize;
        });
        builder.Services.AddGrpcHealthChecks(health => health.Services.Map(ServiceName, _ => true))
            .AddCheck<ChaincodeHealthCheck>("chaincode");
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChaincodeStartupCheck>());
        builder.Services.Configure<HostOptions>(host =>
        {
            var needed = options.ShutdownGracePeriod + TimeSpan.FromSeconds(5);
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.KeepAlivePingDelay = options.KeepAlivePingDelay;
            kestrel.Limits.Http2.KeepAlivePingTimeout = options.KeepAlivePingTimeout;
            kestrel.Listen(endpoint, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (options.UsesTls)
                {
                    listen.UseHttps(https => ConfigureTls(https, options));
                }
            });
        });
        return builder;
    }

    /// <summary>
    /// Maps the <c>protos.Chaincode</c> gRPC service that peers connect to, and the standard gRPC
    /// health service (<c>grpc.health.v1.Health</c>), which reports <c>SERVING</c> for the server
    /// (<c>""</c>) and for <c>protos.Chaincode</c> until the host starts stopping.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>The endpoint convention builder of the chaincode service.</returns>
    public static GrpcServiceEndpointConventionBuilder MapChaincodeService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcHealthChecksService();
        return endpoints.MapGrpcService<ChaincodeService>();
    }

    private static void ConfigureTls(HttpsConnectionAdapterOptions https, ChaincodeServerOptions options)
    {
        https.ServerCertificate = X509Certificate2.CreateFromPemFile(options.TlsCertificateFile, options.TlsKeyFile);
        if (options.TlsClientCaFile.Length == 0)
        {
            return;
        }

        var trusted = new X509Certificate2Collection();
        trusted.ImportFromPemFile(options.TlsClientCaFile);
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        https.ClientCertificateValidation = (certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate);
        };
    }
}
