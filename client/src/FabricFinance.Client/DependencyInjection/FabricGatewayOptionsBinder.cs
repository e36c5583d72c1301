using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FabricFinance.Client.DependencyInjection;

/// <summary>
/// Reads <see cref="FabricGatewayOptions"/> from a configuration section. Written out by hand so that the client needs
/// only the configuration abstractions, not the reflection-based binder.
/// </summary>
internal sealed class FabricGatewayOptionsBinder(IConfiguration configuration) : IConfigureOptions<FabricGatewayOptions>
{
    public void Configure(FabricGatewayOptions options)
    {
        options.PeerAddress = configuration[nameof(FabricGatewayOptions.PeerAddress)] ?? options.PeerAddress;
        options.TlsRootCertificatesFile = configuration[nameof(FabricGatewayOptions.TlsRootCertificatesFile)] ?? options.TlsRootCertificatesFile;
        options.TlsRootCertificatesPem = configuration[nameof(FabricGatewayOptions.TlsRootCertificatesPem)] ?? options.TlsRootCertificatesPem;
        options.ServerNameOverride = configuration[nameof(FabricGatewayOptions.ServerNameOverride)] ?? options.ServerNameOverride;
        options.ClientCertificateFile = configuration[nameof(FabricGatewayOptions.ClientCertificateFile)] ?? options.ClientCertificateFile;
        options.ClientKeyFile = configuration[nameof(FabricGatewayOptions.ClientKeyFile)] ?? options.ClientKeyFile;
        options.MspId = configuration[nameof(FabricGatewayOptions.MspId)] ?? options.MspId;
        options.CertificateFile = configuration[nameof(FabricGatewayOptions.CertificateFile)] ?? options.CertificateFile;
        options.CertificatePem = configuration[nameof(FabricGatewayOptions.CertificatePem)] ?? options.CertificatePem;
        options.PrivateKeyFile = configuration[nameof(FabricGatewayOptions.PrivateKeyFile)] ?? options.PrivateKeyFile;
        options.PrivateKeyPem = configuration[nameof(FabricGatewayOptions.PrivateKeyPem)] ?? options.PrivateKeyPem;
        options.Hash = configuration[nameof(FabricGatewayOptions.Hash)] ?? options.Hash;
        options.ChannelName = configuration[nameof(FabricGatewayOptions.ChannelName)] ?? options.ChannelName;
        options.EvaluateTimeout = ReadTimeSpan(nameof(FabricGatewayOptions.EvaluateTimeout)) ?? options.EvaluateTimeout;
        options.EndorseTimeout = ReadTimeSpan(nameof(FabricGatewayOptions.EndorseTimeout)) ?? options.EndorseTimeout;
        options.SubmitTimeout = ReadTimeSpan(nameof(FabricGatewayOptions.SubmitTimeout)) ?? options.SubmitTimeout;
        options.CommitStatusTimeout = ReadTimeSpan(nameof(FabricGatewayOptions.CommitStatusTimeout)) ?? options.CommitStatusTimeout;
    }

    /// <exception cref="InvalidOperationException">The value is not a time span.</exception>
    private TimeSpan? ReadTimeSpan(string key)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            var path = configuration is IConfigurationSection section ? $"{section.Path}:{key}" : key;
            throw new InvalidOperationException($"Configuration value '{path}' is '{text}', which is not a time span such as 00:00:30.");
        }

        return value;
    }
}
