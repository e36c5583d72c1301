using System.Net;
using Microsoft.Extensions.Configuration;

namespace FabricFinance.Chaincode.Hosting;

/// <summary>
/// How the chaincode server listens and registers. Every setting can come from the environment,
/// under the names in <see cref="EnvironmentNames"/>; <see cref="FromConfiguration"/> is the only
/// place that reads them.
/// </summary>
public sealed class ChaincodeServerOptions
{
    /// <summary>
    /// Gets or sets the address to listen on, <c>host:port</c> (for example <c>127.0.0.1:9999</c>); the
    /// host is an IP address or <c>localhost</c>. Port 0 picks a free port (useful in tests only: the
    /// peer's <c>connection.json</c> needs a fixed address).
    /// </summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the id to register with: for chaincode-as-a-service, the package id
    /// (<c>label:sha256</c>) exactly as the peer installed it.
    /// </summary>
    public string ChaincodeId { get; set; } = string.Empty;

    /// <summary>Gets or sets the PEM file with the server's TLS certificate; empty serves plaintext HTTP/2.</summary>
    public string TlsCertificateFile { get; set; } = string.Empty;

    /// <summary>Gets or sets the PEM file with the private key of <see cref="TlsCertificateFile"/>.</summary>
    public string TlsKeyFile { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the PEM file with the CA certificate(s) that peers' client certificates must chain to;
    /// when set, the server requires mutual TLS.
    /// </summary>
    public string TlsClientCaFile { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets how long a peer connection may be idle before the server sends an HTTP/2 PING
    /// to check it is still there (Kestrel's <c>Http2.KeepAlivePingDelay</c>). One minute by default, as
    /// Fabric's Go chaincode server; at least one second.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = DefaultKeepAlivePingDelay;

    /// <summary>
    /// Gets or sets how long the server waits for the answer to a PING before it closes the connection
    /// (Kestrel's <c>Http2.KeepAlivePingTimeout</c>). 20 seconds by default; at least one second.
    /// </summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = DefaultKeepAlivePingTimeout;

    /// <summary>
    /// Gets or sets how long a stopping server lets running transactions finish. During that time new
    /// transactions are answered with an ERROR saying the server is shutting down; when the running
    /// ones are done, or the time is up (the rest are cancelled), the peer streams end. 20 seconds by
    /// default. The host's shutdown timeout is raised to this plus five seconds when it is shorter.
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = DefaultShutdownGracePeriod;

    /// <summary>Gets the default of <see cref="KeepAlivePingDelay"/>: one minute.</summary>
    public static TimeSpan DefaultKeepAlivePingDelay { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets the default of <see cref="KeepAlivePingTimeout"/>: 20 seconds.</summary>
    public static TimeSpan DefaultKeepAlivePingTimeout { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets the default of <see cref="ShutdownGracePeriod"/>: 20 seconds.</summary>
    public static TimeSpan DefaultShutdownGracePeriod { get; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets a value indicating whether TLS is configured.</summary>
    public bool UsesTls => TlsCertificateFile.Length > 0;

    /// <summary>Reads the options from configuration (environment variables, command line, settings files).</summary>
    /// <param name="configuration">The configuration; keys are those of <see cref="EnvironmentNames"/>.</param>
    /// <returns>The options, not yet validated.</returns>
    /// <exception cref="InvalidOperationException">A duration setting is not a whole number of seconds; the message names it.</exception>
    public static ChaincodeServerOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ChaincodeServerOptions
        {
            Address = configuration[EnvironmentNames.Address] ?? string.Empty,
            ChaincodeId = configuration[EnvironmentNames.ChaincodeId]
                ?? configuration[EnvironmentNames.LegacyChaincodeId]
                ?? string.Empty,
            TlsCertificateFile = configuration[EnvironmentNames.TlsCertificateFile] ?? string.Empty,
            TlsKeyFile = configuration[EnvironmentNames.TlsKeyFile] ?? string.Empty,
            TlsClientCaFile = configuration[EnvironmentNames.TlsClientCaFile] ?? string.Empty,
            KeepAlivePingDelay = ReadSeconds(configuration, EnvironmentNames.KeepAlivePingDelay, DefaultKeepAlivePingDelay),
            KeepAlivePingTimeout = ReadSeconds(configuration, EnvironmentNames.KeepAlivePingTimeout, DefaultKeepAlivePingTimeout),
            ShutdownGracePeriod = ReadSeconds(configuration, EnvironmentNames.ShutdownGracePeriod, DefaultShutdownGracePeriod),
        };
    }

    private static TimeSpan ReadSeconds(IConfiguration configuration, string name, TimeSpan fallback)
    {
        var text = configuration[name];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{name} '{text}' is not a whole number of seconds.");
    }

    /// <summary>Checks the options and returns the endpoint to listen on.</summary>
    /// <returns>The parsed listen endpoint.</returns>
    /// <exception cref="InvalidOperationException">A setting is missing or malformed; the message names it.</exception>
    public IPEndPoint Validate()
    {
        if (string.IsNullOrWhiteSpace(ChaincodeId))
        {
            throw new InvalidOperationException(
                $"The chaincode id is not set: set {EnvironmentNames.ChaincodeId} to the package id the peer installed (label:hash).");
        }

        if (string.IsNullOrWhiteSpace(Address))
        {
            throw new InvalidOperationException(
                $"The listen address is not set: set {EnvironmentNames.Address} to host:port, for example 127.0.0.1:9999.");
        }

        var endpoint = ParseAddress(Address);
        if (TlsCertificateFile.Length > 0 != TlsKeyFile.Length > 0)
        {
            throw new InvalidOperationException(
                $"TLS needs both {EnvironmentNames.TlsCertificateFile} and {EnvironmentNames.TlsKeyFile}; only one is set.");
        }

        if (TlsClientCaFile.Length > 0 && !UsesTls)
        {
            throw new InvalidOperationException(
                $"{EnvironmentNames.TlsClientCaFile} requires TLS: set {EnvironmentNames.TlsCertificateFile} and {EnvironmentNames.TlsKeyFile} too.");
        }

        if (KeepAlivePingDelay < TimeSpan.FromSeconds(1) || KeepAlivePingTimeout < TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException(
                $"The keepalive ping delay ({EnvironmentNames.KeepAlivePingDelay}) and timeout ({EnvironmentNames.KeepAlivePingTimeout}) must be at least one second; they are {KeepAlivePingDelay} and {KeepAlivePingTimeout}.");
        }

        if (ShutdownGracePeriod < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The shutdown grace period ({EnvironmentNames.ShutdownGracePeriod}) must not be negative; it is {ShutdownGracePeriod}.");
        }

        foreach (var (name, path) in new[]
                 {
                     (EnvironmentNames.TlsCertificateFile, TlsCertificateFile),
                     (EnvironmentNames.TlsKeyFile, TlsKeyFile),
                     (EnvironmentNames.TlsClientCaFile, TlsClientCaFile),
                 })
        {
            if (path.Length > 0 && !File.Exists(path))
            {
                throw new InvalidOperationException($"{name} names '{path}', which does not exist.");
            }
        }

        return endpoint;
    }

    private IPEndPoint ParseAddress(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var port)
            || port is < 0 or > 65535)
        {
            throw new InvalidOperationException(
                $"{EnvironmentNames.Address} '{address}' is not host:port with a port from 0 to 65535.");
        }

        var host = address[..colon].Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        if (!IPAddress.TryParse(host, out var ip))
        {
            throw new InvalidOperationException(
                $"{EnvironmentNames.Address} '{Address}' must name an IP address or localhost, not '{host}'.");
        }

        return new IPEndPoint(ip, port);
    }

    /// <summary>The environment variable names the chaincode server reads.</summary>
    public static class EnvironmentNames
    {
        /// <summary>The listen address, <c>host:port</c>.</summary>
        public const string Address = "CHAINCODE_SERVER_ADDRESS";

        /// <summary>The chaincode (package) id.</summary>
        public const string ChaincodeId = "CHAINCODE_ID";

        /// <summary>The chaincode id under the name the peer uses when it launches chaincode itself.</summary>
        public const string LegacyChaincodeId = "CORE_CHAINCODE_ID_NAME";

        /// <summary>The TLS certificate file (PEM).</summary>
        public const string TlsCertificateFile = "CHAINCODE_TLS_CERT_FILE";

        /// <summary>The TLS private key file (PEM).</summary>
        public const string TlsKeyFile = "CHAINCODE_TLS_KEY_FILE";

        /// <summary>The CA file (PEM) for client certificates; setting it turns on mutual TLS.</summary>
        public const string TlsClientCaFile = "CHAINCODE_TLS_CLIENT_CA_FILE";

        /// <summary>Seconds of idle connection before an HTTP/2 PING (<see cref="ChaincodeServerOptions.KeepAlivePingDelay"/>).</summary>
        public const string KeepAlivePingDelay = "CHAINCODE_KEEPALIVE_SECONDS";

        /// <summary>Seconds to wait for a PING's answer (<see cref="ChaincodeServerOptions.KeepAlivePingTimeout"/>).</summary>
        public const string KeepAlivePingTimeout = "CHAINCODE_KEEPALIVE_TIMEOUT_SECONDS";

        /// <summary>Seconds running transactions get to finish when the server stops (<see cref="ChaincodeServerOptions.ShutdownGracePeriod"/>).</summary>
        public const string ShutdownGracePeriod = "CHAINCODE_SHUTDOWN_GRACE_SECONDS";
    }
}
