using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FabricFinance.Client.Internal;
using Grpc.Net.Client;

namespace FabricFinance.Client;

/// <summary>Creates gRPC channels to a Fabric peer's Gateway service, with the TLS settings Fabric networks use.</summary>
public static class GatewayChannel
{
    /// <summary>
    /// Creates a gRPC channel to a peer, trusting the given TLS certificate authority and, optionally, checking the
    /// peer's certificate against another host name than the address's.
    /// </summary>
    /// <param name="address">The peer's address, for example <c>https://127.0.0.1:7051</c> (or <c>http://</c> for a peer without TLS).</param>
    /// <param name="options">The TLS settings; none by default.</param>
    /// <returns>
    /// The channel. The caller owns it and must dispose it after the gateways that use it; disposing it also releases
    /// its HTTP handler.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="address"/> is not an absolute <c>http</c> or <c>https</c> URI, TLS options are given for an
    /// <c>http</c> address, <see cref="GatewayChannelOptions.TlsRootCertificatesPem"/> holds no certificate, or the
    /// client certificate has no private key.
    /// </exception>
    /// <example>
    /// <code>
    /// using var channel = GatewayChannel.ForAddress("https://127.0.0.1:7051", new GatewayChannelOptions
    /// {
    ///     TlsRootCertificatesPem = File.ReadAllText("organizations/peerOrganizations/org1.example.com/tlsca/tlsca.org1.example.com-cert.pem"),
    ///     ServerNameOverride = "peer0.org1.example.com",
    /// });
    /// </code>
    /// </example>
    public static GrpcChannel ForAddress(string address, GatewayChannelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{address}' is not an absolute http or https address.", nameof(address));
        }

        options ??= new GatewayChannelOptions();
        var usesTlsOptions = options.TlsRootCertificatesPem is not null
            || options.ServerNameOverride is not null
            || options.ClientCertificate is not null;
        if (uri.Scheme == Uri.UriSchemeHttp && usesTlsOptions)
        {
            throw new ArgumentException($"TLS options were given for the plain-text address '{address}'; use https.", nameof(options));
        }

        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };
        try
        {
            ConfigureTls(handler, options);
        }
        catch
        {
            handler.Dispose();
            throw;
        }

        return GrpcChannel.ForAddress(uri, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    private static void ConfigureTls(SocketsHttpHandler handler, GatewayChannelOptions options)
    {
        if (options.ClientCertificate is { } clientCertificate)
        {
            if (!clientCertificate.HasPrivateKey)
            {
                throw new ArgumentException("GatewayChannelOptions.ClientCertificate has no private key.", nameof(options));
            }

            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        X509Certificate2Collection? roots = null;
        if (options.TlsRootCertificatesPem is { } pem)
        {
            roots = [];
            try
            {
                roots.ImportFromPem(pem);
            }
            catch (CryptographicException ex)
            {
                throw new ArgumentException("GatewayChannelOptions.TlsRootCertificatesPem holds an invalid certificate.", nameof(options), ex);
            }

            if (roots.Count == 0)
            {
                throw new ArgumentException("GatewayChannelOptions.TlsRootCertificatesPem holds no PEM certificate.", nameof(options));
            }
        }

        if (roots is not null || options.ServerNameOverride is not null)
        {
            var validator = new TlsCertificateValidator(roots, options.ServerNameOverride);
            handler.SslOptions.RemoteCertificateValidationCallback =
                (_, certificate, chain, errors) => validator.Validate(certificate, chain, errors);
        }
    }
}
