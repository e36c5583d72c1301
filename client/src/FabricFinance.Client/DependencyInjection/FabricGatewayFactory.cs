using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FabricFinance.Client.Identity;
using FabricFinance.Client.Internal;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FabricFinance.Client.DependencyInjection;

/// <summary>Creates the channel, gateway and network that the service container registers, from validated options.</summary>
internal static class FabricGatewayFactory
{
    /// <exception cref="InvalidOperationException">A file cannot be read or holds no valid PEM.</exception>
    public static GrpcChannel CreateChannel(FabricGatewayOptions options)
    {
        var address = options.PeerAddress!.Contains("://", StringComparison.Ordinal) ? options.PeerAddress : "https://" + options.PeerAddress;
        var channelOptions = new GatewayChannelOptions
        {
            TlsRootCertificatesPem = options.TlsRootCertificatesPem ?? ReadOptionalFile(options.TlsRootCertificatesFile, nameof(options.TlsRootCertificatesFile)),
            ServerNameOverride = string.IsNullOrWhiteSpace(options.ServerNameOverride) ? null : options.ServerNameOverride,
            ClientCertificate = LoadClientCertificate(options),
        };
        try
        {
            return GatewayChannel.ForAddress(address, channelOptions);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"FabricGatewayOptions cannot make a channel to '{options.PeerAddress}': {ex.Message}", ex);
        }
    }

    /// <exception cref="InvalidOperationException">A file cannot be read, or the certificate, key or hash is invalid.</exception>
    public static Gateway CreateGateway(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<FabricGatewayOptions>>().Value;
        var channel = provider.GetRequiredKeyedService<GrpcChannel>(FabricGatewayServiceCollectionExtensions.ChannelServiceKey);
        try
        {
            var certificatePem = options.CertificatePem ?? ReadOptionalFile(options.CertificateFile, nameof(options.CertificateFile))!;
            var identity = X509Identity.FromPem(options.MspId!, certificatePem);
            var signer = options.Signer ?? CreateSigner(options);
            var gatewayOptions = new GatewayOptions
            {
                Signer = signer,
                Hash = options.Hash is { } hash
                    ? Hash.Parse(hash, nameof(options.Hash))
                    : signer is ISignatureScheme { SignsWholeMessage: true } ? Hash.None : HashAlgorithmName.SHA256,
                LoggerFactory = provider.GetService<ILoggerFactory>(),
                MeterFactory = provider.GetService<IMeterFactory>(),
                TimeProvider = provider.GetService<TimeProvider>() ?? TimeProvider.System,
                TlsClientCertificateHash = ClientCertificateHash(options),
            };
            ApplyTimeout(options.EvaluateTimeout, value => gatewayOptions.EvaluateTimeout = value);
            ApplyTimeout(options.EndorseTimeout, value => gatewayOptions.EndorseTimeout = value);
            ApplyTimeout(options.SubmitTimeout, value => gatewayOptions.SubmitTimeout = value);
            ApplyTimeout(options.CommitStatusTimeout, value => gatewayOptions.CommitStatusTimeout = value);
            return Gateway.Connect(channel, identity, gatewayOptions);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"FabricGatewayOptions cannot make a gateway: {ex.Message}", ex);
        }
    }

    /// <exception cref="InvalidOperationException">No channel name is configured.</exception>
    public static Network CreateNetwork(IServiceProvider provider)
    {
        var channelName = provider.GetRequiredService<IOptions<FabricGatewayOptions>>().Value.ChannelName;
        if (string.IsNullOrWhiteSpace(channelName))
        {
            throw new InvalidOperationException("FabricGatewayOptions.ChannelName is not set, so no Network can be resolved; set it, or resolve Gateway and call GetNetwork.");
        }

        return provider.GetRequiredService<Gateway>().GetNetwork(channelName);
    }

    private static ISigner? CreateSigner(FabricGatewayOptions options)
    {
        var keyPem = options.PrivateKeyPem ?? ReadOptionalFile(options.PrivateKeyFile, nameof(options.PrivateKeyFile));
        return keyPem is null ? null : Signers.NewPrivateKeySigner(keyPem);
    }

    /// <summary>Maps the options' timeouts onto the gateway's: unset keeps the default, infinite means no deadline.</summary>
    private static void ApplyTimeout(TimeSpan? configured, Action<TimeSpan?> set)
    {
        if (configured is { } value)
        {
            set(value == Timeout.InfiniteTimeSpan ? null : value);
        }
    }

    private static X509Certificate2? LoadClientCertificate(FabricGatewayOptions options)
    {
        if (options.ClientCertificateFile is null || options.ClientKeyFile is null)
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPemFile(options.ClientCertificateFile, options.ClientKeyFile);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"FabricGatewayOptions.ClientCertificateFile '{options.ClientCertificateFile}' with ClientKeyFile '{options.ClientKeyFile}' cannot be loaded: {ex.Message}",
                ex);
        }
    }

    private static ReadOnlyMemory<byte> ClientCertificateHash(FabricGatewayOptions options)
    {
        using var certificate = LoadClientCertificate(options);
        return certificate is null ? ReadOnlyMemory<byte>.Empty : SHA256.HashData(certificate.RawData);
    }

    private static string? ReadOptionalFile(string? path, string name)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"FabricGatewayOptions.{name} '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
